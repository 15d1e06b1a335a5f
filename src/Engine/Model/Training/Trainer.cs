using Mapper.Engine.Data;
using Mapper.Engine.Model.Features;
using Mapper.Engine.Model.Network;
using Mapper.Engine.Quality;

namespace Mapper.Engine.Model.Training;

/// <summary>
/// The trained weights (temperature fitted on <see cref="TrainingSet.CalibrationFit"/>), what training saw, and
/// <paramref name="Calibration"/>: the calibrated model measured on <see cref="TrainingSet.CalibrationMeasure"/>, a
/// slice neither training nor the temperature fit saw.
/// </summary>
public sealed record TrainingResult(AdapterWeights Weights, LabelFeaturizer Featurizer, TrainingSet Data, EvaluationResult Calibration, TimeSpan Duration);

/// <summary>
/// Single-threaded mini-batch Adam over the embedding bag. Embedding rows are updated lazily (only the
/// rows a batch touched), which keeps an epoch to milliseconds. Every random choice comes from
/// <see cref="SplitMix64"/> and every sum runs in a fixed order, so one seed gives one model, bit for bit.
/// </summary>
public static class Trainer
{
    /// <summary>
    /// Trains, fits the temperature and measures calibration. <paramref name="progress"/> hears once per epoch;
    /// <paramref name="cancellationToken"/> is honoured between batches (throws <see cref="OperationCanceledException"/>).
    /// </summary>
    public static TrainingResult Train(
        MappingData data,
        TrainingOptions options,
        IEnumerable<string>? evaluationStrings = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        cancellationToken.ThrowIfCancellationRequested();
        var set = new TrainingDataBuilder(data, options.Data).Build(options.Seed, evaluationStrings);
        var featurizer = new LabelFeaturizer(options.Buckets);
        var labels = data.Taxonomy.Labels.Select(l => l.Name).ToArray();
        var rng = new SplitMix64(options.Seed ^ 0x5DEECE66DUL);

        var examples = set.Train.Select(e => (Ids: featurizer.Featurize(e.Detector, e.RawLabel), Target: data.Taxonomy.IndexOf(e.Label))).ToArray();
        // Embeddings start at zero, so a feature training never touched (an unseen word's n-grams) adds nothing
        // but dilution at prediction time instead of a random push; the projection starts random (Glorot) so
        // gradients reach the embeddings from the first step.
        var embedding = new float[options.Buckets * options.Dim];
        var projection = new float[options.Dim * labels.Length];
        var bound = MathF.Sqrt(6f / (options.Dim + labels.Length));
        for (var i = 0; i < projection.Length; i++)
        {
            projection[i] = ((rng.NextFloat() * 2f) - 1f) * bound;
        }

        var weights = new AdapterWeights(options.Buckets, options.Dim, labels, embedding, projection, new float[labels.Length], 1f);
        var optimizer = new AdamState(weights, options.LearningRate);
        var order = Enumerable.Range(0, examples.Length).ToArray();
        var gradients = new Gradients(weights);

        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            var loss = 0.0;
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var end = Math.Min(order.Length, start + options.BatchSize);
                gradients.Clear();
                for (var i = start; i < end; i++)
                {
                    var (ids, target) = examples[order[i]];
                    loss += gradients.Accumulate(ids, target, 1f / (end - start));
                }

                optimizer.Step(gradients);
            }

            progress?.Report(new TrainingProgress(epoch + 1, options.Epochs, (epoch + 1) / (double)options.Epochs, order.Length == 0 ? 0 : loss / order.Length));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var temperature = TemperatureFit.Fit(weights, featurizer, set.CalibrationFit, data.Taxonomy);
        var calibrated = weights.WithTemperature(temperature);
        var cases = set.CalibrationMeasure.Select(e => new GoldenCase(e.Detector, e.RawLabel, [e.Label]));
        var metrics = Evaluation.Evaluate(inputs => inputs.Select(i => ManagedPredict(calibrated, featurizer, i)).ToArray(), cases);
        return new TrainingResult(calibrated, featurizer, set, metrics, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    public static ModelPrediction ManagedPredict(AdapterWeights weights, LabelFeaturizer featurizer, ModelInput input)
    {
        var probabilities = ManagedForward.Predict(weights, featurizer.Featurize(input.Detector, input.RawLabel));
        var best = 0;
        for (var c = 1; c < probabilities.Length; c++)
        {
            if (probabilities[c] > probabilities[best])
            {
                best = c;
            }
        }

        return new ModelPrediction(weights.Labels[best], probabilities[best]);
    }
}
