using System.Globalization;
using Mapper.Console.Actions;
using Mapper.Console.Components.Dialogs;
using Mapper.Console.Components.Shared;
using Mapper.Console.Monitoring;
using Mapper.Console.Runbooks;
using Mapper.Console.Runbooks.ActionLinks;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Mapper.Console.Components.Panels;

/// <summary>
/// An <c>action:</c> link as a button: its inputs prefilled from the link, the hint (what-if, what was live then),
/// then the same confirm dialog, reason and executor as the Controls page, through the runbook door. Disabled, with
/// the reason, when the user's role may not, when the action cannot apply now, or when the feature is not built yet.
/// The proposal is read again whenever the audit log grows (someone changed something), never on a timer.
/// </summary>
public sealed partial class RunbookActionButton
{
    private readonly Dictionary<string, string> _entered = new(StringComparer.Ordinal);
    private RunbookAction? _action;
    private IReadOnlyList<ActionField> _fields = [];
    private ActionProposal? _proposal;
    private string? _role;
    private string? _unavailable;
    private string? _stale;
    private bool _busy;
    private long _tail = -1;

    [Parameter, EditorRequired]
    public ActionLink Link { get; set; } = null!;

    [CascadingParameter]
    private ConsoleUser User { get; set; } = ConsoleUser.Anonymous;

    [CascadingParameter]
    private EngineSample? Sample { get; set; }

    [Inject]
    private RunbookActionRegistry Registry { get; set; } = null!;

    [Inject]
    private AuditTail Tail { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private PageActions Actions { get; set; } = null!;

    private string? WhyNot => _unavailable ?? _role ?? _proposal?.Problem;

    protected override async Task OnParametersSetAsync()
    {
        _action ??= Registry.Find(Link.Name);
        if (_action is null)
        {
            _unavailable = $"this runbook names an action the console does not have: '{Link.Name}'";
            return;
        }

        _unavailable = _action.Unavailable;
        _role = User.WhyNot(_action.Role);
        if (_unavailable is null && Tail.Last.Id != _tail)
        {
            _tail = Tail.Last.Id;
            await RefreshAsync();
        }
    }

    private async Task RefreshAsync()
    {
        _fields = await _action!.FieldsAsync(Link.Args, CancellationToken.None);
        _proposal = await _action.ProposeAsync(Values(), CancellationToken.None);
    }

    private async Task SetAsync(string key, string? value)
    {
        _entered[key] = value ?? "";
        _stale = null;
        _proposal = await _action!.ProposeAsync(Values(), CancellationToken.None);
    }

    private async Task RunAsync()
    {
        if (_action is null || WhyNot is not null)
        {
            return;
        }

        _busy = true;
        try
        {
            // Read live again: the dialog shows the change from what is live now, and the command carries that epoch.
            var proposal = _proposal = await _action.ProposeAsync(Values(), CancellationToken.None);
            if (proposal.Problem is not null || proposal.Command is null)
            {
                return;
            }

            var confirmed = await Dialogs.ConfirmAsync(proposal.Title, [.. proposal.Changes.Select(c => new ChangeLine(c.What, c.From, c.To))], proposal.OfferRevert);
            if (confirmed is null)
            {
                return;
            }

            var outcome = await Actions.RunAsync(User, proposal.Command(confirmed.Reason, confirmed.RevertAfter), Door.Runbook);
            _stale = outcome.Status == ActionStatus.Stale ? outcome.Message : null;
            _tail = Tail.Last.Id;
            await RefreshAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>The link's arguments, then the fields' defaults, then what the person entered.</summary>
    private Dictionary<string, string> Values()
    {
        var values = new Dictionary<string, string>(Link.Args, StringComparer.Ordinal);
        foreach (var field in _fields)
        {
            values[field.Key] = field.Value;
        }

        foreach (var (key, value) in _entered)
        {
            values[key] = value;
        }

        return values;
    }

    private string Value(string key) => Values().GetValueOrDefault(key) ?? "";

    private double? Number(ActionField field) =>
        double.TryParse(Value(field.Key), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
