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
        var features = new int[inputs.Count][];
        for (var i = 0; i < inputs.Count; i++)
        {
            features[i] = Featurizer.Featurize(inputs[i].Detector, inputs[i].RawLabel);
        }

        return Run(FeatureBatch.Create(features));
    }

    /// <summary>The most probable label of each input, in input order.</summary>
    public ModelPrediction[] Predict(IReadOnlyList<ModelInput> inputs) => PredictProfiled(inputs, null);

    /// <summary>As <see cref="Predict"/>, adding each phase's time to <paramref name="timings"/> when given.</summary>
    public ModelPrediction[] PredictProfiled(IReadOnlyList<ModelInput> inputs, PredictTimings? timings)
    {
        if (inputs.Count == 0)
        {
            return [];
        }

        var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        var features = new int[inputs.Count][];
        for (var i = 0; i < inputs.Count; i++)
        {
            features[i] = Featurizer.Featurize(inputs[i].Detector, inputs[i].RawLabel);
        }

        var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
        var batch = FeatureBatch.Create(features);
        var t2 = System.Diagnostics.Stopwatch.GetTimestamp();
        var probabilities = Run(batch);
        var t3 = System.Diagnostics.Stopwatch.GetTimestamp();
        var predictions = new ModelPrediction[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var row = probabilities.AsSpan(i * Labels.Count, Labels.Count);
            var best = 0;
            for (var c = 1; c < row.Length; c++)
            {
                if (row[c] > row[best])
                {
                    best = c;
                }
            }

            predictions[i] = new ModelPrediction(Labels[best], row[best]);
        }

        if (timings is not null)
        {
            var t4 = System.Diagnostics.Stopwatch.GetTimestamp();
            timings.FeaturizeTicks += t1 - t0;
            timings.TensorTicks += t2 - t1;
            timings.RunTicks += t3 - t2;
            timings.DecodeTicks += t4 - t3;
            timings.Items += inputs.Count;
            timings.Runs++;
        }

        return predictions;
    }

    public float[] Run(FeatureBatch batch)
    {
        using var ids = OrtValue.CreateTensorValueFromMemory(batch.Ids, [batch.Count, batch.Width]);
        using var weights = OrtValue.CreateTensorValueFromMemory(batch.Weights, [batch.Count, batch.Width, 1]);
        using var outputs = _session.Run(_runOptions, InputNames, [ids, weights], OutputNames);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
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
