namespace Reticle.Api.Tests.Console;

/// <summary>
/// The web console's main path on every page, in a real browser against a real host (one script per page in
/// tests/browser). Each test's key has the least role the page's calls need.
/// </summary>
public sealed class ConsoleBrowserTests(ConsoleServer server) : IClassFixture<ConsoleServer>
{
    private Task RunAsync(string script, string role, IDictionary<string, string>? extra = null) =>
        BrowserScript.RunAsync(script, server.Address!, server.Keys[role], role, extra);

    [Fact]
    public Task A_refused_key_is_explained_and_nothing_behind_the_login_shows() =>
        BrowserScript.RunAsync("login-bad-key.mjs", server.Address!, "not-a-real-key", "none");

    [Fact]
    public Task Check_decides_the_sample_transaction_license_required_with_its_citation() => RunAsync("check.mjs", "analyst");

    [Fact]
    public Task Screen_finds_SMIC_on_the_Entity_List_and_explains_the_match() => RunAsync("screen.mjs", "analyst");

    [Fact]
    public Task Ownership_catches_a_subsidiary_no_name_screening_finds_and_draws_its_path_to_the_listed_parent() => RunAsync("owners.mjs", "analyst");

    [Fact]
    public Task Lists_shows_every_list_in_use_with_its_changes() => RunAsync("lists.mjs", "viewer");

    [Fact]
    public Task Licenses_show_balances_and_a_timeline_of_use_and_revocation() =>
        RunAsync("licenses.mjs", "viewer", new Dictionary<string, string> { ["RETICLE_LICENSE"] = ConsoleServer.License });

    [Fact]
    public Task Holds_a_reviewer_releases_a_held_order_and_it_moves_to_the_history() => RunAsync("holds.mjs", "reviewer");

    [Fact]
    public Task Impact_between_two_dates_names_the_order_the_revocation_changes() =>
        RunAsync("impact.mjs", "analyst", new Dictionary<string, string> { ["RETICLE_KNOWN_AT"] = "2024-05-01", ["RETICLE_VS"] = "2024-05-21" });

    [Fact]
    public Task What_if_with_a_draft_from_the_rule_pack_reference_names_the_changed_order_and_value_and_rules_over_time_draws_it_dashed() =>
        RunAsync("whatif.mjs", "analyst", new Dictionary<string, string> { ["RETICLE_DRAFT"] = Path.Combine(Repository.Root, "tests", "fixtures", "whatif", "sg-duv-draft.yaml") });

    [Fact]
    public Task Jobs_a_screening_csv_runs_with_a_live_progress_bar_and_its_results_download_in_input_order() => RunAsync("jobs.mjs", "analyst");

    [Fact]
    public Task Rules_over_time_draws_the_lithography_controls_by_jurisdiction_and_overlay_band() => RunAsync("rules.mjs", "viewer");

    [Fact]
    public Task The_API_reference_at_docs_lists_the_operations_with_examples_drawn_from_the_schemas() => RunAsync("docs.mjs", "viewer");
}
