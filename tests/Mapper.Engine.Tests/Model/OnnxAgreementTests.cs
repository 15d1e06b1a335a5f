using Mapper.Engine.Model;
using Mapper.Engine.Model.Network;
using Onnx;

namespace Mapper.Engine.Tests.Model;

public sealed class OnnxAgreementTests
{
    [Fact]
    public void PredictProbabilities_RuleRowsAndHeldOut_OnnxRuntimeMatchesManagedWithin1e5()
    {
        var adapter = TestAdapters.V1;
        using var classifier = OnnxClassifier.Load(adapter.Model, intraOpThreads: 1);
        var inputs = BundledData.Load().Detectors.SelectMany(d => d.Rules.Select(r => new ModelInput(d.Detector, r.RawLabel)))
            .Concat(HeldOutSample.Load().Select(c => new ModelInput(c.Detector, c.InputOutput)))
            .Append(new ModelInput(string.Empty, string.Empty))
            .ToArray();

        var onnx = classifier.PredictProbabilities(inputs);

        var labels = classifier.Labels.Count;
        var worst = 0f;
        for (var i = 0; i < inputs.Length; i++)
        {
            var managed = ManagedForward.Predict(adapter.Training.Weights, classifier.Featurizer.Featurize(inputs[i].Detector, inputs[i].RawLabel));
            for (var c = 0; c < labels; c++)
            {
                worst = Math.Max(worst, Math.Abs(managed[c] - onnx[(i * labels) + c]));
            }
        }

        Assert.True(worst <= 1e-5f, $"largest difference {worst}");
    }

    [Fact]
    public void Write_Graph_UsesOnlyCoreOperatorsAndCarriesMetadata()
    {
        var model = ModelProto.Parser.ParseFrom(TestAdapters.V1.Model);

        Assert.All(model.Graph.Node, n => Assert.Contains(n.OpType, OnnxGraph.Operators));
        var metadata = model.MetadataProps.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(TestAdapters.V1.Manifest.FeaturizerId, metadata[OnnxGraph.MetaFeaturizer]);
        Assert.Equal(BundledData.Load().Taxonomy.Hash, metadata[OnnxGraph.MetaTaxonomyHash]);
        Assert.Equal(50, metadata[OnnxGraph.MetaLabels].Split('\n').Length);
    }
}
