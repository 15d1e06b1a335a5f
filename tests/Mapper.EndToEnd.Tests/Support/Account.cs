namespace Mapper.EndToEnd.Tests.Support;

/// <summary>A console account to sign in with (role: viewer, operator or admin).</summary>
public sealed record Account(string Name, string Password, string Role);
