using System.Diagnostics;
using System.Text;
using Reticle.Screening;
using Reticle.Screening.Matching;

namespace Reticle.Tests.Screening.Matching;

/// <summary>Timed alone: other tests running at once would be counted in the process's CPU time.</summary>
[CollectionDefinition(nameof(LongQueryTests), DisableParallelization = true)]
public sealed class LongQueryCollection;

/// <summary>
/// Names far longer than any real one (issue 14: a 1 MB party name took 40 s): the matcher screens their first
/// <see cref="ScreeningIndex.MaxQueryLength"/> characters, says so, and costs no more than for those characters.
/// </summary>
[Collection(nameof(LongQueryTests))]
public sealed class LongQueryTests
{
    private static ScreeningIndex Index => CslScreening.Index;

    /// <summary>Text of the given length made of the words given, repeated in turn.</summary>
    private static string Repeated(int length, params string[] words)
    {
        var builder = new StringBuilder(length + 64);
        for (var i = 0; builder.Length < length; i++)
        {
            builder.Append(words[i % words.Length]).Append(' ');
        }
        return builder.ToString(0, length);
    }

    /// <summary>Words of the listed names, in a fixed pseudo-random order: text pasted into a name field.</summary>
    private static string ListedWords(int length)
    {
        var words = CslScreening.Entries.Take(2000).SelectMany(e => e.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var random = new Random(14);
        return Repeated(length, [.. Enumerable.Range(0, 4000).Select(_ => words[random.Next(words.Length)])]);
    }

    public static TheoryData<string> Shapes => new()
    {
        "listed words",
        "a listed name repeated",
        "one common word repeated",
        "affiliates",
        "one long word",
    };

    private static string Shape(string shape, int length) => shape switch
    {
        "listed words" => ListedWords(length),
        "a listed name repeated" => Repeated(length, "Huawei Technologies Co., Ltd."),
        "one common word repeated" => Repeated(length, "Trading"),
        "affiliates" => Repeated(length, "Affiliated Entity: Beijing Huawei Longshine"),
        "one long word" => new string('x', length),
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    /// <summary>The least process CPU time of a few screenings of the name: the least is the one least disturbed.</summary>
    private static TimeSpan Cost(string name)
    {
        var least = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var process = Process.GetCurrentProcess();
            var before = process.TotalProcessorTime;
            Index.Screen(new ScreeningQuery(name));
            process.Refresh();
            var spent = process.TotalProcessorTime - before;
            least = spent < least ? spent : least;
        }
        return least;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_name_of_300_KB_or_1_MB_costs_about_what_its_first_thousand_characters_do(string shape)
    {
        Index.Screen(new ScreeningQuery("warm up"));
        var thousand = Cost(Shape(shape, ScreeningIndex.MaxQueryLength));
        foreach (var length in (int[])[300_000, 1_000_000])
        {
            var cost = Cost(Shape(shape, length));
            // Before the bound a 1 MB name of listed words cost seconds to a minute, hundreds of times its first
            // thousand characters; the slack absorbs the clock's granularity and a loaded machine.
            cost.ShouldBeLessThan(thousand * 3 + TimeSpan.FromMilliseconds(50), $"{shape}, {length:N0} characters");
        }
    }

    [Fact]
    public void A_common_word_repeated_costs_about_what_it_does_once()
    {
        Index.Screen(new ScreeningQuery("warm up"));
        var once = Cost("Trading");
        // Every name using the word gathered each repetition's weight and looked like a full match, so each was scored
        // against the whole query: hundreds of milliseconds where once costs one or two.
        Cost(Repeated(ScreeningIndex.MaxQueryLength, "Trading")).ShouldBeLessThan(once * 10 + TimeSpan.FromMilliseconds(30));
    }

    [Fact]
    public void A_listed_name_followed_by_a_megabyte_is_found_and_the_explanation_says_what_was_screened()
    {
        var name = "Huawei Technologies Co., Ltd." + new string(' ', 1_000_000);
        var hit = Index.Screen(new ScreeningQuery(name, Country: "CN", Type: PartyType.Entity))
            .First(h => h.Entry.List == "EL" && h.Entry.Name == "Huawei Technologies Co., Ltd. (Huawei)");
        hit.Score.ShouldBe(1);
        hit.Explanation.ShouldContain("the query name has 1,000,029 characters: only its first 1,000 were screened");
    }

    [Fact]
    public void A_name_at_the_bound_is_screened_whole_and_says_nothing_of_it()
    {
        var name = "Huawei Technologies Co., Ltd." + new string(' ', ScreeningIndex.MaxQueryLength - 29);
        name.Length.ShouldBe(ScreeningIndex.MaxQueryLength);
        var hits = Index.Screen(new ScreeningQuery(name, Country: "CN", Type: PartyType.Entity));
        hits.ShouldContain(h => h.Entry.Name == "Huawei Technologies Co., Ltd. (Huawei)" && h.Score == 1);
        hits.ShouldAllBe(h => !h.Explanation.Any(e => e.Contains("were screened")));
    }

    [Fact]
    public void Words_past_the_bound_are_not_screened()
    {
        var index = ScreeningIndex.Build([CslScreening.Entry("EL", "Zarkovian Optics")]);
        var padding = new string(' ', ScreeningIndex.MaxQueryLength);
        // The name beginning at the bound's last character: only its "Z" is screened, and finds nothing.
        index.Screen(new ScreeningQuery(padding[..^1] + "Zarkovian Optics")).ShouldBeEmpty();
        // The name ending at the bound: all of it is screened.
        index.Screen(new ScreeningQuery(padding[..^16] + "Zarkovian Optics" + padding)).ShouldHaveSingleItem()
            .Explanation.ShouldContain(e => e.Contains("were screened"));
    }

    [Fact]
    public void A_name_is_not_cut_inside_a_character_of_two_code_units()
    {
        // "𠀀" (U+20000) is two UTF-16 code units; the bound falls between them: the whole character is left out.
        var name = new string('a', ScreeningIndex.MaxQueryLength - 1) + "𠀀" + "b";
        Should.NotThrow(() => Index.Screen(new ScreeningQuery(name)));
    }

    [Fact]
    public void The_words_of_a_query_past_the_token_bound_are_not_screened_and_the_hit_says_so()
    {
        var index = ScreeningIndex.Build([CslScreening.Entry("EL", "Zarkovian Optics")]);
        var initials = string.Join(' ', Enumerable.Repeat("q", ScreeningIndex.MaxQueryTokens - 2));
        var hit = index.Screen(new ScreeningQuery($"Zarkovian Optics {initials}", Threshold: 0.01)).ShouldHaveSingleItem();
        hit.Explanation.ShouldNotContain(e => e.Contains("words were screened"));
        index.Screen(new ScreeningQuery($"Zarkovian Optics {initials} q", Threshold: 0.01)).ShouldHaveSingleItem()
            .Explanation.ShouldContain($"only the query's first {ScreeningIndex.MaxQueryTokens} words were screened");
    }
}
