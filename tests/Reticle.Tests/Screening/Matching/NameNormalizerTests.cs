using FsCheck;
using FsCheck.Xunit;
using Reticle.Screening.Matching;

namespace Reticle.Tests.Screening.Matching;

public sealed class NameNormalizerTests
{
    private static string Key(string name) => NameNormalizer.Normalize(name).Key;

    [Property(MaxTest = 1000)]
    public void Normalising_a_normalised_name_changes_nothing(string? name)
    {
        var once = Key(name ?? "");
        Key(once).ShouldBe(once);
    }

    [Property(MaxTest = 500)]
    public void Normalising_a_name_made_of_list_words_is_idempotent(PositiveInt seed)
    {
        string[] words = ["Co.,", "Ltd.", "Company", "Limited", "Joint", "Stock", "OOO", "Intl", "forty", "four", "II", "1st", "O'Brien",
            "J.P.", "Ig0r", "(SMIC)", "Владимир", "习近平", "محمد", "김정은", "and", "any", "successor", "thereof", "&", "S.A.", "de", "C.V.", "sp.", "z", "o.o."];
        var random = new Random(seed.Get);
        var name = string.Join(' ', Enumerable.Range(0, random.Next(1, 8)).Select(_ => words[random.Next(words.Length)]));
        var once = Key(name);
        Key(once).ShouldBe(once, name);
    }

    [Theory]
    [InlineData("Huawei Technologies Co., Ltd.", "Huawei Technologies Company Limited")]
    [InlineData("TACTICAL MISSILES CORPORATION JSC", "Tactical Missiles Corporation Joint Stock Company")]
    [InlineData("OAO Tactical Missiles Corp.", "Open Joint Stock Company Tactical Missiles Corporation")]
    [InlineData("Romashka OOO", "ROMASHKA LIMITED LIABILITY COMPANY")]
    [InlineData("Faberlic Europe Sp. z o.o.", "FABERLIC EUROPE SP ZOO")]
    [InlineData("华为技术有限公司", "hua wei ji shu co ltd")]
    public void Legal_forms_written_differently_are_one_canonical_form(string a, string b) => Key(a).ShouldBe(Key(b));

    [Fact]
    public void Legal_forms_are_marked_so_that_they_weigh_little()
    {
        var name = NameNormalizer.Normalize("Siemens Aktiengesellschaft");
        name.Tokens.Select(t => t.Kind).ShouldBe([TokenKind.Word, TokenKind.LegalForm]);
    }

    [Fact]
    public void Common_abbreviations_are_expanded()
    {
        Key("Semiconductor Manufacturing Intl. Corp.").ShouldBe("semiconductor manufacturing international corp");
        Key("Shanghai Micro Electronics Equip. Tech. Co").ShouldBe("shanghai micro electronics equipment technology co");
    }

    [Theory]
    [InlineData("Владимир Путин", "vladimir putin")]
    [InlineData("Αλέξανδρος", "alexandros")]
    [InlineData("Nicolás Maduro Moros", "nicolas maduro moros")]
    [InlineData("Recep Tayyip Erdoğan", "recep tayyip erdogan")]
    [InlineData("ＦＵＬＬＷＩＤＴＨ", "fullwidth")]
    [InlineData("习近平", "xi jin ping")]
    [InlineData("김정은", "gim jeong eun")]
    public void Other_scripts_and_accents_are_transliterated(string name, string key) => Key(name).ShouldBe(key);

    [Fact]
    public void Arabic_is_transliterated_and_marked_as_written_without_vowels()
    {
        var name = NameNormalizer.Normalize("محمد علي");
        name.Key.ShouldBe("mhmd ly");
        name.Tokens.ShouldAllBe(t => t.Script == TokenScript.Abjad);
    }

    [Theory]
    [InlineData("O'Brien", "obrien")]
    [InlineData("O’Brien", "obrien")]
    [InlineData("J.P. Morgan", "jp morgan")]
    [InlineData("Kim Jong-un", "kim jong un")]
    [InlineData("AT&T", "at and t")]
    public void Apostrophes_and_dots_join_while_other_punctuation_splits(string name, string key) => Key(name).ShouldBe(key);

    [Theory]
    [InlineData("Brigade Forty-Four", "brigade 44")]
    [InlineData("Brigade forty four", "brigade 44")]
    [InlineData("Bowne Global Solutions II", "bowne global solutions 2")]
    [InlineData("3rd Academy", "3 academy")]
    [InlineData("Ig0r Sech1n", "igor sechin")]
    public void Numbers_are_digits_however_written(string name, string key) => Key(name).ShouldBe(key);

    [Fact]
    public void The_entity_lists_successor_clause_is_not_part_of_the_name() =>
        Key("Beijing Institute of Technology, and any successor, sub-unit, or subsidiary thereof")
            .ShouldBe(Key("Beijing Institute of Technology"));
}
