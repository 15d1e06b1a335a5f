using Mapper.Engine.Pipeline;
using Mapper.Engine.Validation;

namespace Mapper.Engine.Tests.Validation;

public sealed class CanonicalEventValidatorTests
{
    private readonly CanonicalEventValidator _validator = new(BundledData.Load().SchemaJson, BundledData.Load().Taxonomy);

    private static CanonicalEvent Valid() => new()
    {
        Taxonomy = ["PII.Identifier.SSN"],
        Scores = new Dictionary<string, double> { ["PII.Identifier.SSN"] = 0.97 },
        Confidence = 0.97,
        Provenance = new EventProvenance { Detector = "presidio", Route = "model", Model = "a@1.0.0", Ts = DateTimeOffset.UnixEpoch },
        VersionInfo = new VersionInfo("2025.09", "v1.0", "a@1.0.0"),
    };

    [Fact]
    public void Validate_WellFormedEvent_HasNoErrors()
    {
        Assert.Empty(_validator.Validate(Valid()));
    }

    [Fact]
    public void Validate_LabelNotInTaxonomy_SaysWhichLabel()
    {
        var invalid = Valid() with
        {
            Taxonomy = ["PII.Identifier.Fingerprint"],
            Scores = new Dictionary<string, double> { ["PII.Identifier.Fingerprint"] = 0.9 },
        };

        Assert.Contains("scores has label PII.Identifier.Fingerprint not in taxonomy 2025.09", _validator.Validate(invalid));
    }

    [Fact]
    public void Validate_BadLabelPattern_IsASchemaError()
    {
        var invalid = Valid() with { Taxonomy = ["pii.ssn"], Scores = new Dictionary<string, double> { ["pii.ssn"] = 0.9 } };

        Assert.Contains(_validator.Validate(invalid), e => e.StartsWith("schema: /taxonomy/0", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ScoreWithoutLabel_AndLabelWithoutScore_AreBothReported()
    {
        var invalid = Valid() with { Scores = new Dictionary<string, double> { ["PII.Contact.Email"] = 0.9 } };

        var errors = _validator.Validate(invalid);

        Assert.Contains("scores has no score for label PII.Identifier.SSN", errors);
        Assert.Contains("scores has label PII.Contact.Email that is not in the event's taxonomy list", errors);
    }

    [Theory]
    [InlineData(1.2)]
    [InlineData(-0.1)]
    public void Validate_ConfidenceOutOfRange_IsASchemaError(double confidence)
    {
        Assert.Contains(_validator.Validate(Valid() with { Confidence = confidence }), e => e.StartsWith("schema: /confidence", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnknownWithConfidence_IsRefused()
    {
        var invalid = Valid() with
        {
            Taxonomy = ["OTHER.Unknown"],
            Scores = new Dictionary<string, double> { ["OTHER.Unknown"] = 0.5 },
            Confidence = 0.5,
        };

        Assert.Contains("confidence must be 0 when the answer is OTHER.Unknown", _validator.Validate(invalid));
    }

    [Fact]
    public void Validate_NotesOver500Chars_IsASchemaError()
    {
        Assert.Contains(_validator.Validate(Valid() with { Notes = new string('n', 501) }), e => e.Contains("/notes", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EmptyTaxonomy_IsASchemaError()
    {
        Assert.Contains(_validator.Validate(Valid() with { Taxonomy = [] }), e => e.Contains("/taxonomy", StringComparison.Ordinal));
    }
}
