namespace Mapper.Console.Incidents;

/// <summary>What the note form hands the page: the text, the "occurred at" as typed, and the note it edits (null: a new note).</summary>
public sealed record NoteDraft(string Text, string? OccurredAt, bool FollowUp, long? NoteId);
