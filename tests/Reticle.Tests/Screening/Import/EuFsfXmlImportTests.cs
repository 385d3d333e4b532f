using NodaTime;
using Reticle.Screening;
using static Reticle.Tests.Screening.Import.SharedLists;

namespace Reticle.Tests.Screening.Import;

/// <summary>
/// The EU Financial Sanctions Files XML (eu-fsf-xml). The shared data holds no FSF export, so these
/// tests use a small file in its schema (export/sanctionEntity, data in attributes) with two entries
/// as the EU publishes them: a person and an enterprise with names in several languages.
/// </summary>
public sealed class EuFsfXmlImportTests
{
    internal const string Export = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2026-08-05T16:47:04.449+02:00" globalFileId="184961">
          <sanctionEntity designationDetails="" unitedNationId="" euReferenceNumber="EU.27.28" logicalId="13">
            <remark>UNSC RESOLUTION 1483</remark>
            <regulation regulationType="regulation" organisationType="council" publicationDate="2003-07-08" numberTitle="1210/2003 (OJ L169)" programme="IRQ" logicalId="348"/>
            <subjectType code="person" classificationCode="P"/>
            <nameAlias firstName="Saddam" middleName="" lastName="Hussein Al-Tikriti" wholeName="Saddam Hussein Al-Tikriti" strong="true" logicalId="17"/>
            <nameAlias firstName="" middleName="" lastName="" wholeName="Abu Ali" strong="true" logicalId="19"/>
            <citizenship region="" countryIso2Code="IQ" countryDescription="IRAQ" logicalId="1"/>
            <birthdate birthdate="1937-04-28" year="1937" countryIso2Code="IQ" logicalId="10"/>
          </sanctionEntity>
          <sanctionEntity designationDetails="" unitedNationId="" euReferenceNumber="EU.3523.13" logicalId="207">
            <regulation regulationType="amendment" organisationType="council" programme="TERR" logicalId="111226"/>
            <subjectType code="enterprise" classificationCode="E"/>
            <nameAlias wholeName="İslami Büyük Doğu Akıncılar Cephesi" nameLanguage="" strong="true" logicalId="6068"/>
            <nameAlias wholeName="Great Islamic Eastern Warriors Front" nameLanguage="" strong="true" logicalId="327"/>
            <nameAlias wholeName="Фронт на великите ислямски източни воини" nameLanguage="BG" strong="true" logicalId="5659"/>
            <nameAlias wholeName="IBDA-C" nameLanguage="" strong="true" logicalId="328"/>
            <address countryIso2Code="00" countryDescription="UNKNOWN" logicalId="2"/>
          </sanctionEntity>
        </export>
        """;

    [Fact]
    public void Eu_fsf_xml_reads_people_and_enterprises_with_their_names_in_every_language()
    {
        var snapshot = Read("eu-fsf-xml", Text("export.xml", Export));
        snapshot.Dataset.ShouldBe("eu-fsf");
        snapshot.Published.ShouldBe(new LocalDate(2026, 8, 5));
        snapshot.Entries.Length.ShouldBe(2);
        var saddam = snapshot.Entries[0];
        saddam.Id.ShouldBe("13");
        saddam.List.ShouldBe("EU");
        saddam.Name.ShouldBe("Saddam Hussein Al-Tikriti");
        saddam.AltNames.ShouldBe(["Abu Ali"]);
        saddam.Type.ShouldBe(PartyType.Individual);
        saddam.Countries.ShouldBe(["IQ"]);
        saddam.Programs.ShouldBe(["IRQ"]);
        saddam.Remarks.ShouldBe("EU reference EU.27.28; UNSC RESOLUTION 1483");
        var front = snapshot.Entries[1];
        front.Type.ShouldBe(PartyType.Entity);
        front.Name.ShouldBe("İslami Büyük Doğu Akıncılar Cephesi");
        front.AltNames.ShouldContain("Фронт на великите ислямски източни воини");
        front.AltNames.ShouldContain("IBDA-C");
        front.Countries.ShouldBeEmpty();
    }

    [Fact]
    public void Eu_fsf_xml_refuses_an_entity_without_a_name_naming_its_line()
    {
        var text = Export.Replace("wholeName=\"Saddam Hussein Al-Tikriti\"", "", StringComparison.Ordinal)
            .Replace("wholeName=\"Abu Ali\"", "", StringComparison.Ordinal);
        var error = Refuse("eu-fsf-xml", Text("export.xml", text)).ShouldHaveSingleItem();
        error.Where.ShouldBe("export.xml:3:4");
        error.Message.ShouldContain("needs a logicalId and a nameAlias");
    }

    [Fact]
    public void Eu_fsf_xml_refuses_two_entities_with_one_logical_id_and_a_truncated_file()
    {
        Refuse("eu-fsf-xml", Text("export.xml", Export.Replace("logicalId=\"207\"", "logicalId=\"13\"", StringComparison.Ordinal)))
            .ShouldHaveSingleItem().Message.ShouldBe("entry id '13' again (first at export.xml:3:4); ids must be unique in a list");
        Refuse("eu-fsf-xml", Text("export.xml", Export[..(Export.Length / 2)])).ShouldHaveSingleItem().Message.ShouldStartWith("malformed XML");
    }

    [Fact]
    public void Eu_fsf_xml_refuses_another_lists_xml()
    {
        Refuse("eu-fsf-xml", File("un/UN_consolidated_2026-02-27.xml")).ShouldHaveSingleItem().Message.ShouldContain("expected an <export> document");
    }
}
