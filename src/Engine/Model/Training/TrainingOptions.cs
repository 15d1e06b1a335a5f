namespace Mapper.Engine.Model.Training;

/// <summary>Hyper-parameters; all of them are recorded in the adapter manifest.</summary>
public sealed record TrainingOptions
{
    /// <summary>The baseline's fixed seed: a fresh install trains the same bytes every time.</summary>
    public const ulong BaselineSeed = 20250901;

    public int Buckets { get; init; } = 1 << 16;

    public int Dim { get; init; } = 24;

    public int Epochs { get; init; } = 8;

    public int BatchSize { get; init; } = 16;

    public float LearningRate { get; init; } = 0.02f;

    public ulong Seed { get; init; } = BaselineSeed;

    public TrainingDataOptions Data { get; init; } = new();
}
