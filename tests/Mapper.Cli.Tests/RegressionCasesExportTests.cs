using System.Net.Http.Headers;
using System.Text.Json;
using Mapper.Cli.Tests.Remote;
using Mapper.Console.Actions;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Cli.Tests;

/// <summary>The console's regression-case export is a golden-case file that <c>mapper quality validate</c> runs.</summary>
public sealed class RegressionCasesExportTests
{
    [Fact]
    public async Task QualityValidate_ExportedRegressionCases_RunsEveryCaseAndNamesTheOneThatFails()
    {
        await using var console = new InMemoryConsole();
        var executor = console.Services.GetRequiredService<OperatorExecutor>();
        SaveRegressionCase[] cases =
        [
            new("presidio", "US_SSN", ["PII.Identifier.SSN"], "ssn"),
            new("presidio", "EMAIL_ADDRESS|PHONE_NUMBER", ["PII.Contact.Email", "PII.Contact.Phone"], "two labels"),
            new("presidio", "EMAIL_ADDRESS", ["PII.Identifier.SSN"], "a wrong expectation"),
        ];
        foreach (var c in cases)
        {
            var saved = await executor.RunAsync(Actor.System, c, TestContext.Current.CancellationToken);
            Assert.True(saved.Succeeded, saved.Message);
        }

        var admin = await console.AdminAsync();
        using var client = new HttpClient(console.Handler, disposeHandler: false) { BaseAddress = new Uri(InMemoryConsole.Url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin.Token);
        var exported = await client.GetStringAsync("/api/v1/regression-cases/export", TestContext.Current.CancellationToken);
        using var file = CliRun.Write("mapper-regression-cases.json", exported);

        var run = await CliRun.RunAsync("quality", "validate", "--golden-cases", file.Path, "--mode", "rules_only", "--format", "json", "--show-failures");

        Assert.Equal("", run.Err);
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        using var report = JsonDocument.Parse(run.Out);
        var root = report.RootElement;
        Assert.Equal(3, root.GetProperty("total").GetInt32());
        Assert.Equal(66.7, Math.Round(root.GetProperty("label_accuracy_percent").GetDouble(), 1));
        var failure = Assert.Single(root.GetProperty("failures").EnumerateArray());
        Assert.Equal("EMAIL_ADDRESS", failure.GetProperty("input_output").GetString());
        Assert.Equal("PII.Contact.Email", failure.GetProperty("predicted")[0].GetString());
    }
}
