namespace Mapper.Console.Store;

/// <summary>The store file cannot be used by this console (not SQLite, not Mapper's, a newer schema); the message names the file.</summary>
public sealed class StoreUnusableException(string message, Exception? inner = null) : Exception(message, inner);
