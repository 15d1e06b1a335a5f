using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Store;

/// <summary>
/// Opens the store at start-up: refuses a file that is not SQLite, not a Mapper database, or from a newer
/// schema (each named with the file), then applies the committed migrations and marks the file as Mapper's.
/// </summary>
public static class StoreGuard
{
    /// <summary>SQLite's application_id for Mapper databases: "MAPR".</summary>
    public const int ApplicationId = 0x4D415052;

    public static void Prepare(IDbContextFactory<MapperDbContext> factory, StoreLocation location)
    {
        var path = location.FilePath;
        if (path.Length > 0 && path != ":memory:")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            CheckExisting(location);
        }

        using var context = factory.CreateDbContext();
        try
        {
            var known = context.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            var unknown = context.Database.GetAppliedMigrations().Where(m => !known.Contains(m)).ToList();
            if (unknown.Count > 0)
            {
                throw new StoreUnusableException(
                    $"{path}: the database schema is newer than this console (migration {unknown[^1]} is unknown here); run a newer Mapper or use another data directory.");
            }

            context.Database.Migrate();
            context.Database.ExecuteSqlRaw($"PRAGMA application_id = {ApplicationId};");
            context.Database.ExecuteSqlRaw("PRAGMA journal_mode = WAL;");
        }
        catch (SqliteException e)
        {
            throw new StoreUnusableException($"{path}: cannot be opened as the console's store: {e.Message}", e);
        }
    }

    private static void CheckExisting(StoreLocation location)
    {
        if (!File.Exists(location.FilePath) || new FileInfo(location.FilePath).Length == 0)
        {
            return;
        }

        try
        {
            using var connection = new SqliteConnection(location.ConnectionString + ";Pooling=False");
            connection.Open();
            var applicationId = Scalar(connection, "PRAGMA application_id;");
            if (applicationId == ApplicationId)
            {
                return;
            }

            // A crash between the first migration and marking the file leaves an unmarked Mapper database: its audit table says whose it is.
            var ours = Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_log';") > 0;
            var tables = Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table';");
            if (applicationId != 0 || (tables > 0 && !ours))
            {
                throw new StoreUnusableException(
                    $"{location.FilePath}: not a Mapper database (application id {applicationId}, {tables} tables); move it away or set ConnectionStrings:{StoreLocation.ConnectionName}.");
            }
        }
        catch (SqliteException e)
        {
            throw new StoreUnusableException($"{location.FilePath}: not a SQLite database ({e.Message}); move it away or set ConnectionStrings:{StoreLocation.ConnectionName}.", e);
        }
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
