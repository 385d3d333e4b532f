using System.Text.Json.Nodes;

namespace Reticle.Cli.Tests;

public sealed class ScreenCommandTests
{
    [Fact]
    public async Task A_listed_name_is_found_with_its_list_terms_and_reasons()
    {
        var result = await new CliRun().RunAsync("screen", "Semiconductor Manufacturing Intl. Corp.", "--country", "CN", "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        var json = result.Json;
        ((string)json["query"]!["name"]!).ShouldBe("Semiconductor Manufacturing Intl. Corp.");
        ((string)json["query"]!["country"]!).ShouldBe("CN");
        ((double)json["threshold"]!).ShouldBe(0.80);
        var hits = json["hits"]!.AsArray();
        var smic = hits.First(h => (string)h!["list"]! == "Entity List (EL) - Bureau of Industry and Security")!;
        ((string)smic["name"]!).ShouldBe("Semiconductor Manufacturing International Corporation (SMIC)");
        ((double)smic["score"]!).ShouldBeGreaterThanOrEqualTo(0.95);
        ((string)smic["licenseRequirement"]!).ShouldContain("744.11");
        smic["footnotes"]!.AsArray().Select(f => (int)f!).ShouldContain(5);
        smic["explanation"]!.AsArray().ShouldNotBeEmpty();
        hits.Select(h => (double)h!["score"]!).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task An_Entity_List_hit_says_when_the_entry_was_listed_and_from_which_citation()
    {
        var result = await new CliRun().RunAsync("screen", "Beijing Keyi Hongyuan Optoelectronics Co., Ltd.", "--country", "CN", "--list", "EL", "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        var rsLaser = result.Json["hits"]!.AsArray().First(h => (string)h!["name"]! == "Beijing Keyi Hongyuan Optoelectronics Co., Ltd.")!;
        ((string)rsLaser["listedOn"]!).ShouldBe("2025-01-16");
        ((string)rsLaser["listing"]!).ShouldBe("listed 2025-01-16 (90 FR 4617)");
    }

    [Fact]
    public async Task An_unlisted_name_gives_no_hit()
    {
        var result = await new CliRun().RunAsync("screen", "Acme Precision Optics of Ohio", "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Json["hits"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Hits_can_be_limited_to_named_lists_and_a_higher_threshold()
    {
        var result = await new CliRun().RunAsync("screen", "Huawei Technologies Co., Ltd.", "--list", "EL", "--threshold", "0.9", "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        var hits = result.Json["hits"]!.AsArray();
        hits.ShouldNotBeEmpty();
        hits.ShouldAllBe(h => (string)h!["listCode"]! == "EL" && (double)h["score"]! >= 0.9);
    }

    [Fact]
    public async Task Ofac_mode_scores_as_OFACs_search_does()
    {
        var result = await new CliRun().RunAsync("screen", "Huawei Technologies", "--mode", "ofac", "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        ((string)result.Json["mode"]!).ShouldBe("ofac");
        result.Json["hits"]!.AsArray().ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("--country", "XX")]
    [InlineData("--type", "company")]
    public async Task A_bad_qualifier_is_rejected(string option, string value)
    {
        var result = await new CliRun().RunAsync("screen", "Huawei", option, value);

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain(option);
    }

    [Fact]
    public async Task A_name_and_a_batch_together_are_a_usage_error()
    {
        var result = await new CliRun().RunAsync("screen", "Huawei", "--batch", "x.csv", "--out", "y.jsonl");

        result.ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task A_batch_writes_one_result_per_row_in_input_order()
    {
        var run = new CliRun();
        var input = Path.Combine(run.DataDirectory, "parties.csv");
        var output = Path.Combine(run.DataDirectory, "hits.jsonl");
        await File.WriteAllTextAsync(input, "id,name,country,type\n" +
            "p1,Acme Precision Optics of Ohio,US,entity\n" +
            "p2,\"Semiconductor Manufacturing International (Beijing) Corporation\",CN,entity\n" +
            "p3,Huawei Technologies Co. Ltd,,\n");

        var result = await run.RunAsync("screen", "--batch", input, "--out", output);

        result.ExitCode.ShouldBe(0, result.Error);
        var lines = (await File.ReadAllLinesAsync(output)).Select(l => JsonNode.Parse(l)!).ToList();
        lines.Select(l => (string)l["id"]!).ShouldBe(["p1", "p2", "p3"]);
        lines[0]["hits"]!.AsArray().ShouldBeEmpty();
        lines[1]["hits"]!.AsArray().ShouldContain(h => (string)h!["listCode"]! == "EL" && (double)h["score"]! >= 0.95);
        lines[2]["hits"]!.AsArray().ShouldNotBeEmpty();
        result.Error.ShouldContain("screened 3 name(s): 2 with hits");
    }

    [Fact]
    public async Task A_batch_can_write_a_flat_csv_summary()
    {
        var run = new CliRun();
        var input = Path.Combine(run.DataDirectory, "parties.csv");
        var output = Path.Combine(run.DataDirectory, "hits.csv");
        await File.WriteAllTextAsync(input, "name,id\nSMIC Beijing,a\n");

        var result = await run.RunAsync("screen", "--batch", input, "--out", output);

        result.ExitCode.ShouldBe(0, result.Error);
        var lines = await File.ReadAllLinesAsync(output);
        lines[0].ShouldBe("id,name,hits,bestScore,bestList,bestEntryId,bestName,bestMatchedName");
        lines[1].ShouldStartWith("a,SMIC Beijing,");
    }

    [Fact]
    public async Task A_malformed_batch_is_rejected_with_its_line_and_writes_nothing()
    {
        var run = new CliRun();
        var input = Path.Combine(run.DataDirectory, "parties.csv");
        var output = Path.Combine(run.DataDirectory, "hits.jsonl");
        await File.WriteAllTextAsync(input, "id,name\np1,Huawei\np1,Duplicate\np3,\n");

        var result = await run.RunAsync("screen", "--batch", input, "--out", output);

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("parties.csv:3");
        result.Error.ShouldContain("parties.csv:4");
        File.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public async Task Check_screens_every_party_and_records_the_list_versions()
    {
        var result = await new CliRun().RunAsync("check", Repository.Sample("nxt2050i-to-smic-beijing-2023-09-15.json"), "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        var json = result.Json;
        var screening = json["screening"]!.AsArray();
        screening.ShouldContain(s => (string)s!["status"]! == "match" && (string)s["entryName"]! == "Semiconductor Manufacturing International (Beijing) Corporation");
        json["listVersions"]!.AsObject().Select(v => v.Key).ShouldBe(["bis-dpl", "ofac-sdn", "un", "us-csl"]);
        ((string)json["outcome"]!).ShouldBe("license-required");
    }

    [Fact]
    public async Task An_unresolved_potential_match_gives_review()
    {
        var run = new CliRun();
        var transaction = File.ReadAllText(Repository.Sample("nxt2050i-to-us-2024-02-01.json"));
        var node = JsonNode.Parse(transaction)!;
        node["parties"] = new JsonArray(new JsonObject { ["role"] = "end-user", ["name"] = "SMIC Beijing Trading Ltd", ["country"] = "CN" });

        var result = await run.RunWithInputAsync(node.ToJsonString(), "check", "-", "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        var screening = result.Json["screening"]!.AsArray();
        screening.ShouldContain(s => (string)s!["status"]! == "potential-match" && s["note"] == null);
        ((string)result.Json["outcome"]!).ShouldBe("review");
    }

    [Fact]
    public async Task Check_known_at_a_date_before_any_list_import_leaves_parties_unscreened()
    {
        // The bundled lists were imported "today" (the test clock's 2026-11-25): nothing was known in 2023.
        var result = await new CliRun().RunAsync("check", Repository.Sample("nxt2050i-to-smic-beijing-2023-09-15.json"), "--known-at", "2023-09-15", "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Json["screening"]!.AsArray().ShouldBeEmpty();
        result.Json["listVersions"]!.AsObject().ShouldBeEmpty();
    }

    [Fact]
    public async Task Check_text_output_names_the_screening_hits_and_the_lists_used()
    {
        var result = await new CliRun().RunAsync("check", Repository.Sample("nxt2050i-to-smic-beijing-2023-09-15.json"));

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("screening: end-user 'Semiconductor Manufacturing International (Beijing) Corporation' match 'Semiconductor Manufacturing International (Beijing) Corporation' on EL (score 1.000; listed)");
        result.Out.ShouldContain("lists: bis-dpl, ofac-sdn, un, us-csl");
    }
}
