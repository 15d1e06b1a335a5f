using System.Runtime.Versioning;
using Mapper.Cli.Remote;

namespace Mapper.Cli.Tests.Remote;

public sealed class TokenFileTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("mapper-cli-tokens-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public void Save_TwoConsoles_KeepsOneTokenEach()
    {
        var file = new TokenFile(Path.Combine(_home, "mapper"));

        file.Save(new Uri("http://localhost:5080/"), Token("mpr_a"));
        file.Save(new Uri("https://ops.example.com/mapper"), Token("mpr_b"));
        file.Save(new Uri("http://LOCALHOST:5080"), Token("mpr_c"));

        Assert.Equal("mpr_c", file.Find(new Uri("http://localhost:5080"))?.Token);
        Assert.Equal("mpr_b", file.Find(new Uri("https://ops.example.com/mapper/"))?.Token);
        Assert.Null(file.Find(new Uri("http://localhost:5081")));
        Assert.True(file.Remove(new Uri("http://localhost:5080")));
        Assert.False(file.Remove(new Uri("http://localhost:5080")));
        Assert.Equal("mpr_b", file.Find(new Uri("https://ops.example.com/mapper"))?.Token);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Save_OverAWidenedFile_MakesItPrivateAgain()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var file = new TokenFile(Path.Combine(_home, "mapper"));
        file.Save(new Uri("http://localhost:5080"), Token("mpr_a"));
        File.SetUnixFileMode(file.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        Assert.True(file.Exposed);

        file.Save(new Uri("http://localhost:5080"), Token("mpr_b"));

        Assert.False(file.Exposed);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file.Path)!, "*.tmp"));
    }

    private static SavedToken Token(string secret) => new(secret, 1, "admin", DateTimeOffset.UnixEpoch, null);
}
