namespace Mapper.Engine.Model;

/// <summary>
/// The seam the model plugs into. The pipeline calls it in hybrid mode with one input per label of the
/// request (pipe-joined outputs are split first) and enforces the time budget through the token:
/// cancellation means <c>model_timeout</c>, any other exception means <c>model_error</c>.
/// </summary>
public interface IModelScorer
{
    /// <summary>What serves now: <c>adapter-id@version</c>, or null when no adapter is active.</summary>
    string? ActiveModel { get; }

    /// <summary>Label predictions, one per input, in input order, and the adapter that made them.</summary>
    ValueTask<ModelAnswer> PredictAsync(IReadOnlyList<ModelInput> inputs, CancellationToken cancellationToken);
}

/// <summary>One raw label to classify, with the detector that produced it.</summary>
public sealed record ModelInput(string Detector, string RawLabel);

/// <summary>The model's best label for one input and its (calibrated) probability.</summary>
public sealed record ModelPrediction(string Label, double Probability);

/// <summary>Predictions for a request, and the adapter (<c>id@version</c>) that answered.</summary>
public sealed record ModelAnswer(IReadOnlyList<ModelPrediction> Predictions, string Model);
