using System.Collections.Frozen;
using Mapper.Engine.Rules;

namespace Mapper.Engine.Model.Features;

/// <summary>
/// What the model sees of a label: its compacted form (<see cref="LabelText.Compact"/>) without the noise
/// detectors wrap around it. Numbers and version tags anywhere (<c>toxicity_v2</c>, <c>TOXIC-v3.1</c>,
/// <c>violence_0.93</c>, <c>severity2</c>), vendor prefixes (<c>azure_</c>, <c>openai/</c>, <c>presidio:</c>) and
/// score-like suffixes (<c>hate_score</c>, <c>insult_prob</c>) are dropped, so a noisy output and the clean one
/// are the same input and the model's confidence cannot drop because of the noise. Filler words around the label
/// (<c>category_</c>, <c>_label</c>) go the same way. Severity words (<c>low</c>, <c>high</c>) are kept:
/// <c>low_risk</c> and <c>high_risk</c> are different labels. When nothing but noise is left (<c>LABEL_42</c>,
/// <c>v2</c>) the compacted label is kept whole: it is all the model has.
/// </summary>
public static class LabelNoise
{
    /// <summary>Longest compacted label that is denoised; longer input is junk and is cut first (bounded cost).</summary>
    public const int MaxInputChars = 256;

    // Vendor and product names and filler words, stripped only as a leading run: a vendor name after the label is
    // rare and may belong to it ("hate_openai" stays as it is).
    private static readonly FrozenSet<string> Leading = FrozenSet.ToFrozenSet(
    [
        "azure", "microsoft", "msft", "openai", "oai", "aws", "amazon", "bedrock", "gcp", "google", "dlp",
        "presidio", "nvidia", "nemo", "llama", "llamaguard", "meta", "hf", "huggingface", "anthropic", "claude",
        "deberta", "detoxify", "hatebert", "perspective", "unitary", "jigsaw", "lakera", "protectai",
        "label", "labels", "category", "categories", "class", "type", "entity", "tag",
    ], StringComparer.Ordinal);

    // Words that say "a number about the label follows" and filler words, stripped only as a trailing run
    // (so "blood_type" is "blood" to the model: the price of treating "hate_type" as "hate").
    private static readonly FrozenSet<string> Trailing = FrozenSet.ToFrozenSet(
    [
        "score", "scores", "prob", "probs", "proba", "probability", "confidence", "conf", "likelihood", "logit",
        "logits", "pct", "percent", "severity", "level", "value", "val", "rating",
        "label", "category", "class", "type", "entity", "tag",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LeadingLookup = Leading.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TrailingLookup = Trailing.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The model-visible text of <paramref name="rawLabel"/> (compacted, noise removed).</summary>
    public static string ModelText(string rawLabel)
    {
        var compact = LabelText.Compact(rawLabel).AsSpan();
        if (compact.Length > MaxInputChars)
        {
            compact = compact[..MaxInputChars];
        }

        Span<char> buffer = stackalloc char[compact.Length];
        return new string(buffer[..Strip(compact, buffer)]);
    }

    /// <summary>
    /// Writes the denoised form of a compacted label (at most <see cref="MaxInputChars"/> long) to
    /// <paramref name="destination"/> (at least as long) and returns its length; allocation-free for the hot path.
    /// </summary>
    public static int Strip(ReadOnlySpan<char> compact, Span<char> destination)
    {
        if (compact.Length > MaxInputChars || destination.Length < compact.Length)
        {
            throw new ArgumentException($"At most {MaxInputChars} chars, and a destination at least as long.", nameof(compact));
        }

        // A word is at least one char and words are separated by at least one, so this bounds the word count.
        Span<Range> kept = stackalloc Range[(compact.Length / 2) + 1];
        var count = 0;
        foreach (var range in compact.Split('_'))
        {
            var token = compact[range];
            if (token.IsEmpty || IsNumberOrVersion(token))
            {
                continue;
            }

            var offset = range.Start.GetOffset(compact.Length);
            if (!IsGluedNumber(token))
            {
                kept[count++] = range;
                continue;
            }

            // "severity2", "6score", "violence4high": the letter runs are the words, the digits are noise.
            for (var i = 0; i < token.Length;)
            {
                var end = i;
                var letters = char.IsAsciiLetter(token[i]);
                while (end < token.Length && char.IsAsciiLetter(token[end]) == letters)
                {
                    end++;
                }

                if (letters)
                {
                    kept[count++] = new Range(offset + i, offset + end);
                }

                i = end;
            }
        }

        var first = 0;
        while (count - first > 1 && LeadingLookup.Contains(compact[kept[first]]))
        {
            first++;
        }

        var last = count - 1;
        while (last > first && TrailingLookup.Contains(compact[kept[last]]))
        {
            last--;
        }

        // Nothing but noise ("LABEL_42", "v2", "azure"): the label is kept whole, it is all the model has.
        if (count == 0 || (first == last && (LeadingLookup.Contains(compact[kept[first]]) || TrailingLookup.Contains(compact[kept[first]]))))
        {
            compact.CopyTo(destination);
            return compact.Length;
        }

        var written = 0;
        for (var i = first; i <= last; i++)
        {
            if (written > 0)
            {
                destination[written++] = '_';
            }

            var word = compact[kept[i]];
            word.CopyTo(destination[written..]);
            written += word.Length;
        }

        return written;
    }

    /// <summary>Digits only, or <c>v</c> and digits (<c>v2</c>, and <c>v3_1</c> compacts to <c>v3</c>, <c>1</c>).</summary>
    private static bool IsNumberOrVersion(ReadOnlySpan<char> token)
    {
        var digits = token[0] == 'v' && token.Length > 1 ? token[1..] : token;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Letters and digits glued together where every letter run is a word (three letters or more): <c>severity2</c>,
    /// <c>6score</c>. Short codes such as <c>s1</c> or <c>p2p</c> are one word, and anything with other chars stays whole.
    /// </summary>
    private static bool IsGluedNumber(ReadOnlySpan<char> token)
    {
        var digits = false;
        var run = 0;
        foreach (var c in token)
        {
            if (char.IsAsciiDigit(c))
            {
                if (run is > 0 and < 3)
                {
                    return false;
                }

                digits = true;
                run = 0;
            }
            else if (char.IsAsciiLetter(c))
            {
                run++;
            }
            else
            {
                return false;
            }
        }

        return digits && run is 0 or >= 3;
    }
}
