using System.Text;
using BenchmarkDotNet.Attributes;
using Reticle.Bench.Quality;
using Reticle.Screening.Matching;

namespace Reticle.Bench.Screening;

/// <summary>
/// Screening one name of 30 to 100,000 characters against the full CSL snapshot (issue 14: a 1 MB party name took
/// 40 s). The matcher reads at most <see cref="ScreeningIndex.MaxQueryLength"/> characters and
/// <see cref="ScreeningIndex.MaxQueryTokens"/> tokens of a query, so beyond 1,000 characters the cost stays flat.
/// Two shapes: words of listed names in random order (text pasted into a name field), and one listed name repeated.
/// </summary>
[MemoryDiagnoser]
public class LongNameBenchmarks
{
    private ScreeningIndex _index = null!;
    private string _name = "";

    [Params(30, 1_000, 10_000, 100_000)]
    public int Length { get; set; }

    [Params("listed-words", "name-repeated")]
    public string Shape { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var entries = ReferenceData.CslEntries();
        _index = ScreeningIndex.Build(entries);
        var words = Shape == "name-repeated"
            ? ["Huawei", "Technologies", "Co.,", "Ltd."]
            : entries.Take(2000).SelectMany(e => e.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var random = new Random(14);
        var builder = new StringBuilder(Length + 64);
        for (var i = 0; builder.Length < Length; i++)
        {
            builder.Append(Shape == "name-repeated" ? words[i % words.Length] : words[random.Next(words.Length)]).Append(' ');
        }
        _name = builder.ToString(0, Length);
    }

    [Benchmark]
    public int Screen() => _index.Screen(new ScreeningQuery(_name)).Length;
}
