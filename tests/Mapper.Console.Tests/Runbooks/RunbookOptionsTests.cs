using Mapper.Console.Components.Layout;
using Mapper.Console.Hosting;
using Mapper.Console.Runbooks;
using Mapper.Console.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Console.Tests.Runbooks;

/// <summary>Where the runbooks are read from, and the settings that say so.</summary>
public sealed class RunbookOptionsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mapper-runbook-root-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Resolve_FolderUnderTheContentRoot_IsUsed()
    {
        Directory.CreateDirectory(Path.Combine(_root, "runbooks"));

        Assert.Equal(Path.Combine(_root, "runbooks"), new RunbookOptions().Resolve(_root));
    }

    [Fact]
    public void Resolve_NoFolderUnderTheContentRoot_UsesTheCopyBesideTheProgram()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "runbooks");
        Assert.True(Directory.Exists(beside), "the build copies runbooks/ beside the program");

        Assert.Equal(beside, new RunbookOptions().Resolve(_root));
    }

    [Fact]
    public void Resolve_AbsolutePath_IsTakenAsGiven()
    {
        Assert.Equal(Path.Combine(_root, "elsewhere"), new RunbookOptions { Directory = Path.Combine(_root, "elsewhere") }.Resolve("/ignored"));
    }

    [Theory]
    [InlineData("Runbooks:Directory", " ", "Runbooks:Directory must name the folder")]
    [InlineData("Runbooks:ReloadDelayMs", "1", "Runbooks:ReloadDelayMs must be within [10, 60000], not 1")]
    public void AddRunbooks_BadSetting_IsRefusedNamingIt(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var refused = Assert.Throws<InvalidConfigurationException>(() => new ServiceCollection().AddRunbooks(configuration));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRunbooks_NavigationEntry_IsRegistered()
    {
        await using var factory = new MapperFactory();

        Assert.Contains(factory.Services.GetServices<NavLinkEntry>(), e => e is { Href: "/runbooks", Title: "Runbooks" });
    }
}
