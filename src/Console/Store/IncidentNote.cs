namespace Mapper.Console.Store;

/// <summary>A note on an incident. Its text and "occurred at" live in its revisions: an edit adds one, never overwrites.</summary>
public sealed class IncidentNote
{
    public long Id { get; set; }

    public long IncidentId { get; set; }

    public string Author { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>A follow-up for the post-mortem rather than a plain note.</summary>
    public bool FollowUp { get; set; }

    public List<IncidentNoteRevision> Revisions { get; set; } = [];
}

/// <summary>One version of a note: revision 1 is what was written first, the highest is the note now.</summary>
public sealed class IncidentNoteRevision
{
    public long Id { get; set; }

    public long NoteId { get; set; }

    public int Revision { get; set; }

    public string Text { get; set; } = "";

    /// <summary>When what the note says happened; may be earlier than when it was written (backfill).</summary>
    public DateTimeOffset OccurredAt { get; set; }

    public string By { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
