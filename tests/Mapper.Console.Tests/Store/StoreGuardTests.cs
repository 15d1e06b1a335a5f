using Mapper.Console.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Mapper.Console.Tests.Store;

/// <summary>A store file the console cannot use stops start-up (exit 2) with a message naming the file, and is left as it was.</summary>
public sealed class StoreGuardTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("mapper-store-guard-").FullName;

    private string StoreFile => Path.Combine(_data, "mapper.db");

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Start_FileIsNotSqlite_StopsNamingTheFile()
    {
        await File.WriteAllTextAsync(StoreFile, "these are someone's notes, not a database", TestContext.Current.CancellationToken);

        var (exitCode, output) = await ConsoleProcess.RunToExitAsync(_data);

        Assert.Equal(2, exitCode);
        Assert.Contains($"{StoreFile}: not a SQLite database", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Equal("these are someone's notes, not a database", await File.ReadAllTextAsync(StoreFile, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Start_AnotherApplicationsDatabase_StopsNamingTheFile()
    {
        Execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)");

        var (exitCode, output) = await ConsoleProcess.RunToExitAsync(_data);

        Assert.Equal(2, exitCode);
        Assert.Contains($"{StoreFile}: not a Mapper database", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SchemaFromANewerConsole_StopsNamingTheMigration()
    {
        await using (var first = await ConsoleProcess.StartAsync(_data))
        {
            first.KillHard();
        }

        Execute("INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29990101000000_FromTheFuture', '99.0.0')");

        var (exitCode, output) = await ConsoleProcess.RunToExitAsync(_data);

        Assert.Equal(2, exitCode);
        Assert.Contains(StoreFile, output, StringComparison.Ordinal);
        Assert.Contains("newer than this console (migration 29990101000000_FromTheFuture", output, StringComparison.Ordinal);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={StoreFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
