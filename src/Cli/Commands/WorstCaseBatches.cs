using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Mapper.Console.Api;

namespace Mapper.Cli.Commands;

/// <summary>A batch shape built to cost the engine the most the limits allow, and how long it took.</summary>
/// <remarks><c>CpuMs</c> is this process's processor time per batch (server and the one client; the client's share is small): on a
/// shared machine it says what the batch costs better than the wall time does.</remarks>
public sealed record WorstCaseResult(
    string Shape, string Mode, int Items, int Labels, int Words, int Bytes, int Status, int Repeats, double P50Ms, double MaxMs, double CpuMs);

/// <summary>
/// The costliest bodies the API accepts: every label a word no rule or model knows (so the model answers, is
/// not confident, and the rules run every tier down to token overlap), up to <c>Api:MaxBatchItems</c>,
/// <c>Api:MaxLabelsPerOutput</c> and <c>Api:MaxLabelWordsPerRequest</c>, in three shapes; and the body that
/// cost 600 ms before the limits (100 items of 280 one-letter labels), which must now be refused.
/// </summary>
public sealed class WorstCaseBatches(ApiOptions limits, int seed)
{
    private const string Consonants = "bcdfghjklmnpqrstvwxz";

    private readonly Random _random = new(seed);

    /// <summary>Words of five letters and a space that fit in one string below the raw-content guard's length.</summary>
    private const int WordsBelowRawContentGuard = (RawContentGuard.MaxStringLength - 1) / 6;

    public IReadOnlyList<string> Shapes { get; } = ["one_word_labels", "widest_outputs", "long_labels", "longest_labels"];

    /// <summary>A fresh body of <paramref name="shape"/> (new words each time: nothing can be cached).</summary>
    public (byte[] Body, int Items, int Labels, int Words) Build(string shape)
    {
        var words = Math.Min(limits.MaxLabelWordsPerRequest, limits.MaxBatchItems * limits.MaxLabelsPerOutput);
        var outputs = shape switch
        {
            // Every word its own label, spread over every item.
            "one_word_labels" => Spread(words, limits.MaxBatchItems).Select(n => Join(n, 1)).ToList(),
            // As few items as possible, each with the most labels an output may join.
            "widest_outputs" => Spread(words, (int)Math.Ceiling(words / (double)limits.MaxLabelsPerOutput)).Select(n => Join(n, 1)).ToList(),
            // One label per item, the words spread over every item.
            "long_labels" => Spread(limits.MaxLabelWordsPerRequest, limits.MaxBatchItems).Select(n => Join(1, n)).ToList(),
            // One label per item, each as long as the raw-content guard lets a string be.
            _ => Spread(limits.MaxLabelWordsPerRequest, (int)Math.Ceiling(limits.MaxLabelWordsPerRequest / (double)WordsBelowRawContentGuard)).Select(n => Join(1, n)).ToList(),
        };
        var labels = outputs.Sum(o => o.Count(c => c == '|') + 1);
        return (Body(outputs), outputs.Count, labels, outputs.Sum(o => LabelWork.Measure(o).Words));
    }

    /// <summary>The body reported before the limits existed: 100 items of 280 one-letter unmatched labels (62 KB).</summary>
    public byte[] OverTheLimits() =>
        Body([.. Enumerable.Range(0, 100).Select(_ => string.Join('|', Enumerable.Range(0, 280).Select(_ => Consonants[_random.Next(Consonants.Length)])))]);

    /// <summary>Sends fresh bodies of <paramref name="shape"/> one after another and times each answer.</summary>
    public async Task<WorstCaseResult> MeasureAsync(HttpClient http, string shape, string mode, int repeats, CancellationToken cancellationToken)
    {
        var times = new List<double>(repeats);
        var (status, items, labels, words, bytes) = (0, 0, 0, 0, 0);
        var cpu = HttpLoad.ProcessorTime();
        for (var i = 0; i < repeats; i++)
        {
            var (body, n, l, w) = Build(shape);
            var started = Stopwatch.GetTimestamp();
            status = await HttpLoad.SendAsync(http, new LoadRequest("/map/batch", body), cancellationToken);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            (items, labels, words, bytes) = (n, l, w, body.Length);
        }

        var cpuMs = (HttpLoad.ProcessorTime() - cpu).TotalMilliseconds / repeats;
        times.Sort();
        return new WorstCaseResult(shape, mode, items, labels, words, bytes, status, repeats, times[times.Count / 2], times[^1], cpuMs);
    }

    private string Join(int labels, int wordsPerLabel) =>
        string.Join('|', Enumerable.Range(0, labels).Select(_ => string.Join(' ', Enumerable.Range(0, wordsPerLabel).Select(_ => Word()))));

    /// <summary>Five consonants: no rule key, alias, lexicon phrase or token is within one edit of it.</summary>
    private string Word()
    {
        Span<char> word = stackalloc char[5];
        for (var i = 0; i < word.Length; i++)
        {
            word[i] = Consonants[_random.Next(Consonants.Length)];
        }

        return new string(word);
    }

    /// <summary><paramref name="total"/> split over <paramref name="parts"/> as evenly as whole numbers allow (each at least 1).</summary>
    private static IEnumerable<int> Spread(int total, int parts)
    {
        parts = Math.Max(1, Math.Min(parts, total));
        return Enumerable.Range(0, parts).Select(i => (total / parts) + (i < total % parts ? 1 : 0));
    }

    private static byte[] Body(IReadOnlyList<string> outputs)
    {
        var body = new StringBuilder("{\"requests\":[");
        for (var i = 0; i < outputs.Count; i++)
        {
            body.Append(i == 0 ? "" : ",").Append("{\"detector\":\"presidio\",\"output\":").Append(JsonSerializer.Serialize(outputs[i]))
                .Append(",\"tenant_id\":\"bench\"}");
        }

        return Encoding.UTF8.GetBytes(body.Append("]}").ToString());
    }
}
