using Mapper.Console.Monitoring;

namespace Mapper.Console.Drills;

/// <summary>"Drill running: schema-invalid ... until 14:30, started by alice: reason" on every page while one runs.</summary>
public sealed class DrillBanner(DrillControl drills) : IBannerSource
{
    public IEnumerable<Banner> Banners(EngineSample sample)
    {
        if (drills.Current is { } drill)
        {
            yield return new Banner("drill", BannerLevel.Info,
                $"Drill running: {drill.Kind}: {DrillKinds.Describe(drill.Kind)}; started by {drill.StartedBy}" + (drill.Reason is { } r ? $": {r}" : ""),
                "/alerts", drill.StartedAt, drill.Until);
        }
    }
}
