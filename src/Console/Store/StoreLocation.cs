using Microsoft.Data.Sqlite;

namespace Mapper.Console.Store;

/// <summary>Where the store lives: <c>ConnectionStrings:Mapper</c> when set, else <c>&lt;DataDirectory&gt;/mapper.db</c>.</summary>
public sealed record StoreLocation(string ConnectionString, string FilePath)
{
    public const string ConnectionName = "Mapper";
    public const string FileName = "mapper.db";

    public static StoreLocation Resolve(IConfiguration configuration, string dataDirectory)
    {
        var configured = configuration.GetConnectionString(ConnectionName);
        var builder = string.IsNullOrWhiteSpace(configured)
            ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, FileName) }
            : new SqliteConnectionStringBuilder(configured);

        // Writers wait for each other rather than fail at once; the executor serialises its own writes anyway.
        builder.DefaultTimeout = 30;
        builder.Pooling = true;
        var path = builder.DataSource is ":memory:" or "" ? builder.DataSource : Path.GetFullPath(builder.DataSource);
        if (path.Length > 0 && path != ":memory:")
        {
            builder.DataSource = path;
        }

        return new StoreLocation(builder.ToString(), path);
    }
}
