using Reticle.Screening.Import;

namespace Reticle.Tests.Screening.Import;

/// <summary>Country names as the US and UN lists print them, to ISO 3166-1 alpha-2.</summary>
public sealed class CountryNamesTests
{
    [Theory]
    [InlineData("Korea, North", "KP")]
    [InlineData("Democratic People's Republic of Korea", "KP")]
    [InlineData("Korea, South", "KR")]
    [InlineData("Bahamas, The", "BS")]
    [InlineData("Cote d Ivoire", "CI")]
    [InlineData("Côte d'Ivoire", "CI")]
    [InlineData("Iran (Islamic Republic of)", "IR")]
    [InlineData("Türkiye", "TR")]
    [InlineData("TURKIYE", "TR")]
    [InlineData("China, Hong Kong Special Administrative Region", "HK")]
    [InlineData("MACAU", "MO")]
    [InlineData("Taiwan", "TW")]
    [InlineData("PRC", "CN")]
    [InlineData("MAN, ISLE OF", "IM")]
    [InlineData("Burma", "MM")]
    [InlineData("Region: Crimea", "UA")]
    [InlineData("Region: North Gaza", "PS")]
    [InlineData("Palestinian", "PS")]
    [InlineData("Kosovo", "XK")]
    [InlineData(" CN ", "CN")]
    public void A_printed_country_maps_to_its_iso_code(string printed, string code) =>
        CountryNames.ToCode(printed).ShouldBe(code);

    [Theory]
    [InlineData("undetermined")]
    [InlineData("Region: Kashmir")]
    [InlineData("Region: Commonwealth of Independent States")]
    [InlineData("Netherlands Antilles")]
    [InlineData("former Soviet Union")]
    [InlineData("na")]
    [InlineData("de")]
    [InlineData("NM")]
    [InlineData("-0-")]
    [InlineData("")]
    [InlineData(null)]
    public void A_region_or_name_that_is_not_one_country_maps_to_nothing(string? printed) =>
        CountryNames.ToCode(printed).ShouldBeNull();

    [Fact]
    public void Every_country_name_in_the_ofac_address_files_but_the_regions_is_known()
    {
        var errors = new List<Reticle.Input.InputError>();
        var names = Directory.EnumerateFiles(SharedLists.PathOf("ofac"), "*add.csv", SearchOption.AllDirectories)
            .SelectMany(file => DelimitedText.Parse(file, File.ReadAllText(file), ',', errors)!)
            .Select(record => record.Fields[4].Trim())
            .Distinct()
            .Where(n => n is not ("-0-" or "undetermined" or "Netherlands Antilles" or "Region: Commonwealth of Independent States"
                or "Region: Jammu and Kashmir" or "Region: Kafia Kingi"));
        names.Where(n => CountryNames.ToCode(n) is null).ShouldBeEmpty();
    }
}
