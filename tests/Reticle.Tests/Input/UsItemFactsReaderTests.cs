using Reticle.Input;

namespace Reticle.Tests.Input;

/// <summary>
/// The item facts the US foreign direct product and 0 % de minimis rules ask for (CONTRACT §2 extension):
/// usOriginIcEccns, producedByUsTechnologyPlant, containsUsTechnologyPlantProduct.
/// </summary>
public sealed class UsItemFactsReaderTests
{
    private static string Transaction(string item) => $$"""
        { "id": "SO-1", "date": "2025-03-01", "activity": "export", "from": "NL", "to": "CN",
          "item": {{item}},
          "parties": [ { "role": "end-user", "name": "Example Fab", "country": "CN" } ] }
        """;

    [Fact]
    public void The_classifications_of_US_origin_chips_and_the_plant_facts_are_read()
    {
        var errors = new List<InputError>();
        var item = TransactionReader.Read("in.json", Transaction("""
            { "sku": "NXT:2050i", "containsUsOriginIc": true, "usOriginIcEccns": ["3A991", "EAR99"],
              "producedByUsTechnologyPlant": false, "containsUsTechnologyPlantProduct": true }
            """), errors).Transactions.Single().Item;

        errors.ShouldBeEmpty();
        item.UsOriginIcEccns.ShouldBe(["3A991", "EAR99"]);
        item.ProducedByUsTechnologyPlant.ShouldBe(false);
        item.ContainsUsTechnologyPlantProduct.ShouldBe(true);
    }

    [Fact]
    public void Unstated_facts_stay_unstated_not_empty()
    {
        var errors = new List<InputError>();
        var item = TransactionReader.Read("in.json", Transaction("""{ "sku": "NXT:2050i" }"""), errors).Transactions.Single().Item;

        item.UsOriginIcEccns.IsDefault.ShouldBeTrue();
        item.ProducedByUsTechnologyPlant.ShouldBeNull();
        item.ContainsUsTechnologyPlantProduct.ShouldBeNull();
    }

    [Fact]
    public void Chips_listed_for_an_item_said_to_contain_none_are_rejected()
    {
        var errors = new List<InputError>();
        var input = TransactionReader.Read("in.json", Transaction("""
            { "sku": "NXT:2050i", "containsUsOriginIc": false, "usOriginIcEccns": ["3A991"] }
            """), errors);

        input.Transactions.ShouldBeEmpty();
        errors.ShouldHaveSingleItem().ToString().ShouldContain("usOriginIcEccns");
    }
}
