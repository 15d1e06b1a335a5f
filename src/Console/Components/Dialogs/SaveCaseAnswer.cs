using MudBlazor;

namespace Mapper.Console.Components.Dialogs;

/// <summary>The labels the person confirmed for a regression case, and why it matters.</summary>
public sealed record SaveCaseAnswer(IReadOnlyList<string> Labels, string? Description);

public static class SaveCaseDialogs
{
    /// <summary>Asks for the expected labels (the answer's by default) and a description; null when cancelled.</summary>
    public static async Task<SaveCaseAnswer?> AskSaveCaseAsync(this IDialogService dialogs, string detector, string output, IReadOnlyList<string> labels, IReadOnlyList<string>? modelLabels)
    {
        var parameters = new DialogParameters<SaveCaseDialog>
        {
            { d => d.Detector, detector },
            { d => d.Output, output },
            { d => d.Labels, labels },
            { d => d.ModelLabels, modelLabels },
        };
        var dialog = await dialogs.ShowAsync<SaveCaseDialog>("Save as regression case", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: SaveCaseAnswer answer } ? answer : null;
    }
}
