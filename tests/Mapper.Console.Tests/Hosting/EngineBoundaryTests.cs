using Mapper.Engine.Pipeline;

namespace Mapper.Console.Tests.Hosting;

public sealed class EngineBoundaryTests
{
    [Fact]
    public void EngineAssembly_References_NoAspNetEfOrUi()
    {
        string[] forbidden = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "MudBlazor", "Microsoft.JSInterop", "Markdig", "Microsoft.Data.Sqlite"];

        var references = typeof(MappingPipeline).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("Prometheus.NetStandard", references);
        Assert.DoesNotContain(references, name => forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal)));
    }
}
