namespace Mapper.Engine.Tests;

public sealed class EngineOptionsTests
{
    [Fact]
    public void Validate_Defaults_HaveNoProblems()
    {
        Assert.Empty(new EngineOptions().Validate());
    }

    [Fact]
    public void Validate_BadValues_NameEverySetting()
    {
        var options = new EngineOptions { Mode = "turbo", ConfidenceThreshold = 3, Profile = "tpu", ModelTimeBudgetMs = 10, DetectorThresholds = { ["presidio"] = -1 } };

        var problems = options.Validate();

        Assert.Contains(problems, p => p.StartsWith("Mapper:Mode", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Mapper:ConfidenceThreshold", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Mapper:Profile", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Mapper:ModelTimeBudgetMs", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Mapper:DetectorThresholds:presidio", StringComparison.Ordinal));
    }

    [Fact]
    public void ToInitialControls_RulesOnly_StartsWithKillSwitchOn()
    {
        var controls = new EngineOptions { Mode = "rules_only", ConfidenceThreshold = 0.75 }.ToInitialControls();

        Assert.Equal(Mapper.Engine.Controls.MappingMode.RulesOnly, controls.Mode);
        Assert.Equal(0.75, controls.GlobalThreshold);
    }
}
