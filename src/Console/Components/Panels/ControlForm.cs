using Mapper.Console.Actions;

namespace Mapper.Console.Components.Panels;

/// <summary>
/// A control form's input and the controls epoch of the values it was loaded from. Until the person edits it,
/// the form follows what is live; once edited it keeps their input and its epoch, so a change someone else makes
/// meanwhile comes back as Stale instead of being silently overwritten. A Stale outcome keeps the input, shows the
/// message, and takes the epoch now live, so applying again is a deliberate second decision.
/// </summary>
public sealed class ControlForm<T>(T value, long epoch)
{
    public T Value { get; private set; } = value;

    public long Epoch { get; private set; } = epoch;

    public bool Edited { get; private set; }

    /// <summary>The executor's "changed by X at T since you loaded it", while it applies.</summary>
    public string? StaleMessage { get; private set; }

    public bool Busy { get; set; }

    /// <summary>Follows what is live unless the person has edited the form.</summary>
    public void Load(T live, long epoch)
    {
        if (!Edited)
        {
            Value = live;
            Epoch = epoch;
        }
    }

    public void Edit(T value)
    {
        Value = value;
        Edited = true;
    }

    /// <summary>Back to what is live, dropping the person's input.</summary>
    public void Discard(T live, long epoch)
    {
        Edited = false;
        StaleMessage = null;
        Load(live, epoch);
    }

    public void Took(ActionOutcome outcome)
    {
        switch (outcome.Status)
        {
            case ActionStatus.Applied:
                Edited = false;
                StaleMessage = null;
                Epoch = outcome.Epoch;
                break;
            case ActionStatus.Stale:
                StaleMessage = outcome.Message;
                Epoch = outcome.Epoch;
                break;
        }
    }
}
