using System.Globalization;
using Mapper.Engine.Data;
using Mapper.Engine.Model.Network;
using Mapper.Engine.Model.Training;

namespace Mapper.Engine.Model.Adapters;

/// <summary>A trained adapter ready to store: the ONNX bytes and the manifest that describes them.</summary>
public sealed record BuiltAdapter(AdapterManifest Manifest, byte[] Model, TrainingResult Training);

/// <summary>Trains an adapter from the mapping data and packages it (ONNX file + manifest).</summary>
public static class AdapterBuilder
{
    /// <summary>
    /// Trains and packages. <paramref name="progress"/> hears once per epoch (see <see cref="Trainer.Train"/>);
    /// <paramref name="cancellationToken"/> stops training between batches with <see cref="OperationCanceledException"/>.
    /// </summary>
    public static BuiltAdapter Build(
        MappingData data,
        TrainingOptions options,
        string id,
        string version,
        string? parentVersion,
        TimeProvider time,
        IEnumerable<string>? evaluationStrings = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var training = Trainer.Train(data, options, evaluationStrings, progress, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var weights = training.Weights;
        var rules = Evaluation.Evaluate(inputs => inputs.Select(i => Trainer.ManagedPredict(weights, training.Featurizer, i)).ToArray(), Evaluation.RuleRows(data));

        // The ONNX bytes must be a pure function of data + seed, so nothing time-dependent goes in them.
        var model = OnnxModelWriter.Write(weights,
        [
            new(OnnxGraph.MetaAdapter, id + "@" + version),
            new(OnnxGraph.MetaFeaturizer, training.Featurizer.Id),
            new(OnnxGraph.MetaLabels, string.Join('\n', weights.Labels)),
            new(OnnxGraph.MetaTemperature, weights.Temperature.ToString("R", CultureInfo.InvariantCulture)),
            new(OnnxGraph.MetaTaxonomyHash, data.Taxonomy.Hash),
            new(OnnxGraph.MetaTrainingDataHash, training.Data.DataHash),
        ]);

        var calibration = training.Calibration;
        var manifest = new AdapterManifest
        {
            Id = id,
            Version = version,
            ParentVersion = parentVersion,
            Created = time.GetUtcNow(),
            FeaturizerId = training.Featurizer.Id,
            TaxonomyVersion = data.Taxonomy.Version,
            TaxonomyHash = data.Taxonomy.Hash,
            TrainingDataHash = training.Data.DataHash,
            TrainingRows = training.Data.Train.Count,
            DroppedByLeakGuard = training.Data.DroppedByLeakGuard,
            HyperParameters = new AdapterHyperParameters(options.Buckets, options.Dim, options.Epochs, options.BatchSize, options.LearningRate),
            Seed = options.Seed,
            Temperature = weights.Temperature,
            Metrics = new AdapterMetrics(
                calibration.Cases,
                calibration.Accuracy,
                calibration.ExpectedCalibrationError,
                calibration.Threshold,
                calibration.AccuracyAtThreshold,
                calibration.Coverage,
                rules.Accuracy,
                training.Duration.TotalSeconds)
            {
                CalibrationSlice = AdapterMetrics.MeasureSlice,
                TemperatureFitSlice = AdapterMetrics.FitSlice,
                TemperatureFitCases = training.Data.CalibrationFit.Count,
            },
        };
        return new BuiltAdapter(manifest, model, training);
    }
}
