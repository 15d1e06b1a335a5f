using Mapper.Engine.Data;

namespace Mapper.Engine.Tests.Data;

/// <summary>Each broken-data case on a copy of the real bundled data with one thing wrong.</summary>
public sealed class MappingDataLoaderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mapper-data-" + Guid.NewGuid().ToString("N"));

    public MappingDataLoaderTests()
    {
        CopyDirectory(MappingDataLoader.BundledDirectory, _directory);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Load_UntouchedCopy_Loads()
    {
        Assert.Equal(256, MappingDataLoader.Load(_directory).RuleCount);
    }

    [Fact]
    public void Load_DuplicateLabel_NamesFileAndEntry()
    {
        Edit("taxonomy.json", "\"name\": \"PII.Contact.Phone\"", "\"name\": \"PII.Contact.Email\"");

        var error = Assert.Throws<MappingDataException>(() => MappingDataLoader.Load(_directory));

        Assert.Equal("taxonomy.json", error.File);
        Assert.Contains("PII.Contact.Email", error.Entry);
        Assert.Contains("duplicate label", error.Problem);
    }

    [Fact]
    public void Load_BadLabelPattern_NamesThePattern()
    {
        Edit("taxonomy.json", "\"name\": \"PII.Contact.Phone\"", "\"name\": \"pii contact phone\"");

        var error = Assert.Throws<MappingDataException>(() => MappingDataLoader.Load(_directory));

        Assert.Contains("does not match", error.Problem);
    }

    [Fact]
    public void Load_AliasClaimedTwice_IsRefused()
    {
        Edit("taxonomy.json", "\"phone_number\"", "\"email\"");

        var error = Assert.Throws<MappingDataException>(() => MappingDataLoader.Load(_directory));

        Assert.Contains("alias 'email' is already claimed by 'PII.Contact.Email'", error.Problem);
    }

    [Fact]
    public void Load_RuleToUnknownLabel_NamesDetectorFileAndRule()
    {
        Edit("detectors/presidio.json", "{\"raw\": \"US_SSN\", \"label\": \"PII.Identifier.SSN\"}", "{\"raw\": \"US_SSN\", \"label\": \"PII.Identifier.SocialSecurity\"}");

        var error = Assert.Throws<MappingDataException>(() => MappingDataLoader.Load(_directory));

        Assert.Equal("detectors/presidio.json", error.File);
        Assert.Contains("US_SSN", error.Entry);
        Assert.Contains("taxonomy does not have", error.Problem);
    }

    [Fact]
    public void Load_DuplicateRawLabel_IsRefused()
    {
        Edit("detectors/presidio.json", "{\"raw\": \"FIRST_NAME\"", "{\"raw\": \"PERSON\"");

        var error = Assert.Throws<MappingDataException>(() => MappingDataLoader.Load(_directory));

        Assert.Contains("duplicate raw label", error.Problem);
    }

    [Fact]
    public void Load_FrameworkReferenceToUnknownControl_IsRefused()
    {
        Edit("frameworks.json", "\"HIPAA:164.308(a)\"", "\"HIPAA:999.999\"");

        var error = Assert.Throws<MappingDataException>(() => MappingDataLoader.Load(_directory));

        Assert.Equal("frameworks.json", error.File);
        Assert.Contains("unknown control 'HIPAA:999.999'", error.Problem);
    }

    [Fact]
    public void Load_FrameworkMappingForUnknownLabel_IsRefused()
    {
        Edit("frameworks.json", "\"PII.Contact.Email\": [", "\"PII.Contact.Fax\": [");

        var error = Assert.Throws<MappingDataException>(() => MappingDataLoader.Load(_directory));

        Assert.Contains("PII.Contact.Fax", error.Entry);
    }

    [Fact]
    public void Load_UnknownKeyInFile_IsRefusedNotIgnored()
    {
        Edit("detectors/presidio.json", "\"vendor\":", "\"vendr\":");

        var error = Assert.Throws<MappingDataException>(() => MappingDataLoader.Load(_directory));

        Assert.Equal("detectors/presidio.json", error.File);
    }

    [Fact]
    public void Load_InvalidSchema_IsRefused()
    {
        File.WriteAllText(Path.Combine(_directory, MappingDataLoader.SchemaFileName), "{\"type\": 12}");

        var error = Assert.Throws<MappingDataException>(() => MappingDataLoader.Load(_directory));

        Assert.Equal(MappingDataLoader.SchemaFileName, error.File);
    }

    [Fact]
    public void Load_MissingSpecialLabel_IsRefused()
    {
        Edit("taxonomy.json", "\"name\": \"OTHER.ModelError\"", "\"name\": \"OTHER.ModelFault\"");

        var error = Assert.Throws<MappingDataException>(() => MappingDataLoader.Load(_directory));

        Assert.Contains("OTHER.ModelError", error.Problem);
    }

    private void Edit(string relativePath, string find, string replace)
    {
        var path = Path.Combine(_directory, relativePath);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.GetFiles(source, "*.json", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
