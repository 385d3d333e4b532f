using FsCheck;
using FsCheck.Xunit;
using Reticle.Screening;
using Reticle.Screening.Matching;

namespace Reticle.Tests.Screening.Matching;

public sealed class NameComparerTests
{
    private static readonly NameComparer Uniform = new(TokenRarity.Uniform);

    private static readonly string[] Words =
        ["Vladimir", "Putin", "Vladimirovich", "Huawei", "Technologies", "Co.,", "Ltd.", "Mohammed", "Muhammad", "bin", "Salman",
         "Al-Rawi", "J.", "Kim", "Jong", "Un", "17", "II", "International", "Trading", "Jan", "Daniel", "JanDaniel", "Smith",
         "Владимир", "Путин", "习近平", "Xi", "Jinping", "محمد", "Ali", "O'Brien", "the", "of", "Corp", "Corporation"];

    private static string RandomName(Random random) =>
        string.Join(' ', Enumerable.Range(0, random.Next(1, 6)).Select(_ => Words[random.Next(Words.Length)]));

    private static double Score(string a, string b, PartyType type = PartyType.Unknown) =>
        Uniform.Score(NameNormalizer.Normalize(a), NameNormalizer.Normalize(b), type);

    [Property(MaxTest = 500)]
    public void A_name_matches_itself_with_score_one(PositiveInt seed)
    {
        var name = RandomName(new Random(seed.Get));
        // A name of initials or legal forms alone ("J.", "Ltd.") has no word to match on and matches nothing,
        // itself included, by design; every name with a word matches itself fully.
        if (NameNormalizer.Normalize(name).Tokens.Any(t => t.IsSignificant))
        {
            Score(name, name).ShouldBe(1, 1e-9, name);
        }
        else
        {
            Score(name, name).ShouldBe(0, name);
        }
    }

    [Property(MaxTest = 500)]
    public void A_normalised_name_matches_itself_with_score_one(NonEmptyString text)
    {
        var name = NameNormalizer.Normalize(text.Get);
        if (name.Tokens.Any(t => t.IsSignificant))
        {
            Uniform.Score(name, name).ShouldBe(1, 1e-9, text.Get);
        }
    }

    [Property(MaxTest = 500)]
    public void Scores_are_symmetric(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var (a, b) = (RandomName(random), RandomName(random));
        Score(a, b).ShouldBe(Score(b, a), 1e-9, $"{a} | {b}");
    }

    [Property(MaxTest = 300)]
    public void Scores_lie_between_zero_and_one(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        Score(RandomName(random), RandomName(random)).ShouldBeInRange(0, 1);
    }

    [Fact]
    public void Word_order_does_not_matter_for_last_name_first_lists() => Score("Vladimir Putin", "PUTIN, Vladimir").ShouldBe(1);

    [Fact]
    public void A_typing_slip_still_matches_strongly() => Score("Vladimir Putni", "Vladimir Putin").ShouldBeGreaterThan(0.9);

    [Fact]
    public void A_different_given_name_is_a_different_person() =>
        Score("Barack Obama", "Michelle Obama", PartyType.Individual).ShouldBeLessThan(ScreeningIndex.DefaultThreshold);

    [Fact]
    public void A_name_missing_a_middle_name_still_matches() =>
        Score("Vladimir Putin", "Vladimir Vladimirovich Putin", PartyType.Individual).ShouldBeGreaterThan(ScreeningIndex.DefaultThreshold);

    [Fact]
    public void One_shared_first_name_is_not_a_match_for_a_person() =>
        Score("Lucas Rivera", "LUCAS", PartyType.Individual).ShouldBeLessThan(ScreeningIndex.DefaultThreshold);

    [Theory]
    [InlineData("Factory 17", "Factory 18")]
    [InlineData("Bowne Global Solutions, Inc.", "Bowne Global Solutions II, Inc.")]
    [InlineData("CETC 13th Research Institute", "CETC 14th Research Institute")]
    public void Names_whose_numbers_differ_do_not_match(string a, string b) =>
        Score(a, b, PartyType.Entity).ShouldBeLessThan(ScreeningIndex.DefaultThreshold);

    [Fact]
    public void An_initial_agrees_with_the_word_it_begins() =>
        Score("A. Khamenei", "Ali Khamenei", PartyType.Individual).ShouldBeGreaterThan(ScreeningIndex.DefaultThreshold);

    [Fact]
    public void Words_run_together_match_the_words_apart()
    {
        Score("JanDaniel Bothma", "Jan Daniel Bothma").ShouldBeGreaterThan(0.95);
        Score("ALQAEDA", "AL QAEDA").ShouldBeGreaterThan(0.9);
    }

    [Fact]
    public void A_fathers_name_taken_for_a_persons_own_lowers_the_score() =>
        Score("SALMAN BIN MUHAMMAD AL-RAWI", "MUHAMMAD BIN SALMAN AL-RAWI").ShouldBeLessThan(ScreeningIndex.DefaultThreshold);

    [Fact]
    public void The_alignment_explains_each_pairing_and_each_word_left_over()
    {
        var alignment = Uniform.Align(NameNormalizer.Normalize("Huawei Technologies Co., Ltd."), NameNormalizer.Normalize("Huawei Technology"));
        var explanation = alignment.Explain(TokenRarity.Uniform).ToList();
        explanation.ShouldContain(l => l.StartsWith("'huawei' ~ 'huawei': same word", StringComparison.Ordinal));
        explanation.ShouldContain(l => l.StartsWith("'technologies' ~ 'technology': spelling variant", StringComparison.Ordinal));
        explanation.ShouldContain("'co' in the query is a legal form: weight 0.10");
    }
}
