using System.Globalization;
using Mapper.Engine.Data;
using Mapper.Engine.Model.Features;
using Mapper.Engine.Model.Network;
using Mapper.Engine.Model.Training;
using Mapper.Engine.Quality;
using Microsoft.ML.OnnxRuntime;

namespace Mapper.Engine.Model.Adapters;

/// <summary>An adapter that passed the gate: its live classifier and what the smoke set measured. Publish it or discard it.</summary>
public sealed record GatedAdapter(AdapterManifest Manifest, OnnxClassifier Classifier, double RulePassRate, double RegressionPassRate)
{
    /// <summary>Frees the session of an adapter that will not be published (e.g. its activation could not be recorded).</summary>
    public void Discard() => Classifier.Dispose();
}

/// <summary>
/// Everything an adapter must pass before it may serve, run off the request path: file hash, featurizer,
/// taxonomy, session load, and a smoke set (every rule row predicts its own label, plus optional
/// regression cases). Failing throws <see cref="AdapterRejectedException"/> naming the check.
/// </summary>
public sealed class AdapterGate(MappingData data, ModelOptions options)
{
    public GatedAdapter Open(AdapterStore store, string id, string version, IReadOnlyList<GoldenCase>? regressionCases = null)
    {
        var name = id + "@" + version;
        AdapterManifest manifest;
        try
        {
            manifest = store.Find(id, version) ?? throw new AdapterRejectedException(name, AdapterRejection.NotFound, "no manifest in the store.");
        }
        catch (AdapterFileException e)
        {
            throw new AdapterRejectedException(name, AdapterRejection.Unreadable, e.Message, e);
        }

        byte[] model;
        try
        {
            model = store.ReadModel(id, version);
        }
        catch (IOException e)
        {
            throw new AdapterRejectedException(name, AdapterRejection.NotFound, "model file unreadable.", e);
        }

        if (AdapterStore.Sha256(model) != manifest.ModelSha256 || model.Length != manifest.ModelSizeBytes)
        {
            throw new AdapterRejectedException(name, AdapterRejection.HashMismatch, "model.onnx does not match the manifest's sha256 and size.");
        }

        if (LabelFeaturizer.FromId(manifest.FeaturizerId) is null)
        {
            throw new AdapterRejectedException(name, AdapterRejection.FeaturizerMismatch, $"featurizer '{manifest.FeaturizerId}' is not one this engine implements ({LabelFeaturizer.Revision}).");
        }

        if (manifest.TaxonomyHash != data.Taxonomy.Hash)
        {
            throw new AdapterRejectedException(name, AdapterRejection.TaxonomyMismatch, $"trained on taxonomy {manifest.TaxonomyVersion} ({manifest.TaxonomyHash}), engine has {data.Taxonomy.Version} ({data.Taxonomy.Hash}).");
        }

        OnnxClassifier classifier;
        try
        {
            classifier = OnnxClassifier.Load(model, options.IntraOpThreads);
        }
        catch (Exception e) when (e is OnnxRuntimeException or InvalidDataException)
        {
            throw new AdapterRejectedException(name, AdapterRejection.LoadFailed, e.Message, e);
        }

        try
        {
            return Check(manifest, classifier, regressionCases ?? []);
        }
        catch
        {
            classifier.Dispose();
            throw;
        }
    }

    private GatedAdapter Check(AdapterManifest manifest, OnnxClassifier classifier, IReadOnlyList<GoldenCase> regressionCases)
    {
        if (classifier.Featurizer.Id != manifest.FeaturizerId)
        {
            throw new AdapterRejectedException(manifest.Name, AdapterRejection.FeaturizerMismatch, $"model says featurizer '{classifier.Featurizer.Id}', manifest says '{manifest.FeaturizerId}'.");
        }

        if (!classifier.Labels.SequenceEqual(data.Taxonomy.Labels.Select(l => l.Name), StringComparer.Ordinal))
        {
            throw new AdapterRejectedException(manifest.Name, AdapterRejection.TaxonomyMismatch, "the model's labels are not the taxonomy's labels in taxonomy order.");
        }

        var ruleResult = Evaluation.Evaluate(classifier.Predict, Evaluation.RuleRows(data));
        if (ruleResult.Accuracy < options.SmokePassBar)
        {
            var example = ruleResult.Misses.Select(m => $"{m.Case.Detector}/{m.Case.InputOutput} → {string.Join('|', m.Predicted)}").FirstOrDefault();
            throw new AdapterRejectedException(manifest.Name, AdapterRejection.SmokeFailed,
                $"rule rows pass rate {ruleResult.Accuracy:P1} < bar {options.SmokePassBar:P1} ({ruleResult.Misses.Count} misses, e.g. {example}).");
        }

        var regression = RegressionPassRate(manifest, classifier, regressionCases);
        return new GatedAdapter(manifest, classifier, ruleResult.Accuracy, regression);
    }

    /// <summary>
    /// A regression case passes as a golden case does (contract §8): the model's label set equals the expected one
    /// and its confidence reaches the case's minimum. Below the bar the adapter is refused with the first case it
    /// breaks named, so whoever reads the verdict can find the case and judge it.
    /// </summary>
    private double RegressionPassRate(AdapterManifest manifest, OnnxClassifier classifier, IReadOnlyList<GoldenCase> regressionCases)
    {
        if (regressionCases.Count == 0)
        {
            return 1;
        }

        var broken = Evaluation.Judge(classifier.Predict, regressionCases).Where(v => !v.Correct || v.Confidence < v.Case.ExpectedConfidenceMin).ToList();
        var rate = (regressionCases.Count - broken.Count) / (double)regressionCases.Count;
        if (rate < options.RegressionPassBar)
        {
            var more = broken.Count > 1 ? $" ({broken.Count - 1} more broken)" : "";
            throw new AdapterRejectedException(manifest.Name, AdapterRejection.SmokeFailed,
                $"regression cases pass rate {rate:P1} < bar {options.RegressionPassBar:P1}: it breaks {Describe(broken[0])}{more}.");
        }

        return rate;
    }

    /// <summary><c>regression case presidio/EMAIL_ADDRESS → predicted PII.Identifier.SSN (0.41), expected PII.Contact.Email</c>.</summary>
    private static string Describe(CaseVerdict verdict)
    {
        var c = verdict.Case;
        var output = c.InputOutput.Length <= 80 ? c.InputOutput : c.InputOutput[..77] + "...";
        var predicted = $"{string.Join('|', verdict.Predicted)} ({verdict.Confidence.ToString("0.00", CultureInfo.InvariantCulture)})";
        var expected = string.Join('|', c.ExpectedTaxonomy);
        var minimum = verdict.Correct ? $", below its minimum confidence {c.ExpectedConfidenceMin.ToString("0.00", CultureInfo.InvariantCulture)}" : "";
        return $"regression case {c.Detector}/{output} → predicted {predicted}{minimum}, expected {expected}";
    }
}
