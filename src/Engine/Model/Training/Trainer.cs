using Mapper.Engine.Data;
using Mapper.Engine.Model.Features;
using Mapper.Engine.Model.Network;
using Mapper.Engine.Quality;

namespace Mapper.Engine.Model.Training;

/// <summary>The trained weights (temperature fitted) and what training saw and measured.</summary>
public sealed record TrainingResult(AdapterWeights Weights, LabelFeaturizer Featurizer, TrainingSet Data, EvaluationResult Calibration, TimeSpan Duration);

/// <summary>
/// Single-threaded mini-batch Adam over the embedding bag. Embedding rows are updated lazily (only the
/// rows a batch touched), which keeps an epoch to milliseconds. Every random choice comes from
/// <see cref="SplitMix64"/> and every sum runs in a fixed order, so one seed gives one model, bit for bit.
/// </summary>
public static class Trainer
{
    public static TrainingResult Train(MappingData data, TrainingOptions options, IEnumerable<string>? evaluationStrings = null)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var set = new TrainingDataBuilder(data, options.Data).Build(options.Seed, evaluationStrings);
        var featurizer = new LabelFeaturizer(options.Buckets);
        var labels = data.Taxonomy.Labels.Select(l => l.Name).ToArray();
        var rng = new SplitMix64(options.Seed ^ 0x5DEECE66DUL);

        var examples = set.Train.Select(e => (Ids: featurizer.Featurize(e.Detector, e.RawLabel), Target: data.Taxonomy.IndexOf(e.Label))).ToArray();
        var embedding = new float[options.Buckets * options.Dim];
        var bound = 1f / options.Dim;
        for (var i = 0; i < embedding.Length; i++)
        {
            embedding[i] = ((rng.NextFloat() * 2f) - 1f) * bound;
        }

        var weights = new AdapterWeights(options.Buckets, options.Dim, labels, embedding, new float[options.Dim * labels.Length], new float[labels.Length], 1f);
        var optimizer = new AdamState(weights, options.LearningRate);
        var order = Enumerable.Range(0, examples.Length).ToArray();
        var gradients = new Gradients(weights);

        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                var end = Math.Min(order.Length, start + options.BatchSize);
                gradients.Clear();
                for (var i = start; i < end; i++)
                {
                    var (ids, target) = examples[order[i]];
                    gradients.Accumulate(ids, target, 1f / (end - start));
                }

                optimizer.Step(gradients);
            }
        }

        var temperature = TemperatureFit.Fit(weights, featurizer, set.Calibration, data.Taxonomy);
        var calibrated = weights.WithTemperature(temperature);
        var cases = set.Calibration.Select(e => new GoldenCase(e.Detector, e.RawLabel, [e.Label]));
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
