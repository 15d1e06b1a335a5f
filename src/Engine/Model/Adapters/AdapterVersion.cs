using System.Globalization;
using System.Text.RegularExpressions;

namespace Mapper.Engine.Model.Adapters;

/// <summary>Validation of adapter ids and semantic versions (they become folder names, so they are strict).</summary>
public static partial class AdapterVersion
{
    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    public static bool IsValid(string version) => VersionPattern().IsMatch(version);

    public static (int Major, int Minor, int Patch) Parse(string version)
    {
        var match = VersionPattern().Match(version);
        if (!match.Success)
        {
            throw new FormatException($"'{version}' is not a MAJOR.MINOR.PATCH version.");
        }

        return (Int(match, 1), Int(match, 2), Int(match, 3));
    }

    public static int Compare(string left, string right) => Parse(left).CompareTo(Parse(right));

    public static string NextPatch(string version)
    {
        var (major, minor, patch) = Parse(version);
        return string.Create(CultureInfo.InvariantCulture, $"{major}.{minor}.{patch + 1}");
    }

    private static int Int(Match match, int group) => int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^(0|[1-9][0-9]{0,5})\\.(0|[1-9][0-9]{0,5})\\.(0|[1-9][0-9]{0,5})$")]
    private static partial Regex VersionPattern();
}
