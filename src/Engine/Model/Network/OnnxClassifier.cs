using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using Mapper.Engine.Model.Features;
using Microsoft.ML.OnnxRuntime;

namespace Mapper.Engine.Model.Network;

/// <summary>
/// One loaded model: an ONNX Runtime session plus the featurizer and labels its metadata names.
/// Thread-safe for concurrent <see cref="Predict"/> calls; it must never be disposed while a call runs
/// (ONNX Runtime would crash the process), which is what <c>AdapterHandle</c> reference counting ensures.
/// </summary>
public sealed class OnnxClassifier : IDisposable
{
    private static readonly string[] InputNames = [OnnxGraph.InputIds, OnnxGraph.InputWeights];
    private static readonly string[] OutputNames = [OnnxGraph.OutputProbabilities];

    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();

    private OnnxClassifier(InferenceSession session, LabelFeaturizer featurizer, IReadOnlyList<string> labels, IReadOnlyDictionary<string, string> metadata)
    {
        _session = session;
        Featurizer = featurizer;
        Labels = labels;
        Metadata = metadata;
    }

    public LabelFeaturizer Featurizer { get; }

    public IReadOnlyList<string> Labels { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    public bool IsDisposed { get; private set; }

    /// <summary>Loads a model; throws <see cref="InvalidDataException"/> when its metadata is missing or names an unknown featurizer.</summary>
    public static OnnxClassifier Load(byte[] model, int intraOpThreads)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        var session = new InferenceSession(model, options);
        try
        {
            var metadata = session.ModelMetadata.CustomMetadataMap;
            if (!metadata.TryGetValue(OnnxGraph.MetaFeaturizer, out var featurizerId) || LabelFeaturizer.FromId(featurizerId) is not { } featurizer)
            {
                throw new InvalidDataException("The model names no featurizer this build knows.");
            }

            if (!metadata.TryGetValue(OnnxGraph.MetaLabels, out var labels))
            {
                throw new InvalidDataException("The model carries no label list.");
            }

            return new OnnxClassifier(session, featurizer, labels.Split('\n'), new Dictionary<string, string>(metadata, StringComparer.Ordinal));
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public float Temperature =>
        Metadata.TryGetValue(OnnxGraph.MetaTemperature, out var t) ? float.Parse(t, CultureInfo.InvariantCulture) : 1f;

    /// <summary>Row-major probabilities [inputs × labels].</summary>
    public float[] PredictProbabilities(IReadOnlyList<ModelInput> inputs)
    {
        var labels = Labels.Count;
        var probabilities = new float[inputs.Count * labels];
        Score(inputs, null, (index, row) => row.CopyTo(probabilities.AsSpan(index * labels, labels)));
        return probabilities;
    }

    /// <summary>The most probable label of each input, in input order.</summary>
    public ModelPrediction[] Predict(IReadOnlyList<ModelInput> inputs) => PredictProfiled(inputs, null);

    /// <summary>As <see cref="Predict"/>, adding each phase's time to <paramref name="timings"/> when given.</summary>
    public ModelPrediction[] PredictProfiled(IReadOnlyList<ModelInput> inputs, PredictTimings? timings)
    {
        var predictions = new ModelPrediction[inputs.Count];
        Score(inputs, timings, (index, row) =>
        {
            var best = 0;
            for (var c = 1; c < row.Length; c++)
            {
                if (row[c] > row[best])
                {
                    best = c;
                }
            }

            predictions[index] = new ModelPrediction(Labels[best], row[best]);
        });
        return predictions;
    }

    private delegate void RowSink(int index, ReadOnlySpan<float> probabilities);

    /// <summary>
    /// Featurizes into one pooled buffer, groups items of similar width (<see cref="BatchPlan"/>), runs each
    /// group on pooled input and output tensors and hands every item's probabilities to <paramref name="sink"/>.
    /// </summary>
    private void Score(IReadOnlyList<ModelInput> inputs, PredictTimings? timings, RowSink sink)
    {
        if (inputs.Count == 0)
        {
            return;
        }

        var t0 = Stopwatch.GetTimestamp();
        using var features = new FeatureBuffer(inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            features.Add(Featurizer, inputs[i]);
        }

        features.SortByWidth();
        var t1 = Stopwatch.GetTimestamp();
        long tensorTicks = 0, runTicks = 0, decodeTicks = 0, runs = 0;
        var labels = Labels.Count;
        for (var start = 0; start < features.Count; runs++)
        {
            var end = BatchPlan.RunEnd(features.SortedCounts.AsSpan(0, features.Count), start);
            var (rows, width) = (end - start, Math.Max(1, features.SortedCounts[end - 1]));
            var ids = ArrayPool<long>.Shared.Rent(rows * width);
            var weights = ArrayPool<float>.Shared.Rent(rows * width);
            var output = ArrayPool<float>.Shared.Rent(rows * labels);
            try
            {
                var a = Stopwatch.GetTimestamp();
                Fill(features, start, rows, width, ids, weights);
                var b = Stopwatch.GetTimestamp();
                using (var idsValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, ids.AsMemory(0, rows * width), [rows, width]))
                using (var weightsValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, weights.AsMemory(0, rows * width), [rows, width, 1]))
                using (var outputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, output.AsMemory(0, rows * labels), [rows, labels]))
                {
                    _session.Run(_runOptions, InputNames, [idsValue, weightsValue], OutputNames, [outputValue]);
                }

                var c = Stopwatch.GetTimestamp();
                for (var r = 0; r < rows; r++)
                {
                    sink(features.Order[start + r], output.AsSpan(r * labels, labels));
                }

                (tensorTicks, runTicks, decodeTicks) = (tensorTicks + b - a, runTicks + c - b, decodeTicks + Stopwatch.GetTimestamp() - c);
            }
            finally
            {
                ArrayPool<long>.Shared.Return(ids);
                ArrayPool<float>.Shared.Return(weights);
                ArrayPool<float>.Shared.Return(output);
            }

            start = end;
        }

        timings?.Add(t1 - t0, tensorTicks, runTicks, decodeTicks, inputs.Count, runs);
    }

    /// <summary>The graph's input encoding: ids padded with 0 to the run's width, weight 1/count for a real id and 0 for padding.</summary>
    private static void Fill(FeatureBuffer features, int start, int rows, int width, long[] ids, float[] weights)
    {
        for (var r = 0; r < rows; r++)
        {
            var count = features.SortedCounts[start + r];
            var item = features.Ids(features.Order[start + r], count);
            var rowIds = ids.AsSpan(r * width, width);
            var rowWeights = weights.AsSpan(r * width, width);
            var weight = count == 0 ? 0f : 1f / count;
            for (var j = 0; j < count; j++)
            {
                rowIds[j] = item[j];
            }

            rowIds[count..].Clear();
            rowWeights[..count].Fill(weight);
            rowWeights[count..].Clear();
        }
    }

    public void Dispose()
    {
        if (IsDisposed)
        {
            return;
        }

        IsDisposed = true;
        _session.Dispose();
        _runOptions.Dispose();
    }
}
