namespace Reticle.Cli.Tests;

/// <summary><c>reticle serve --help</c> names what the API serves (the endpoints themselves are tested in Reticle.Api.Tests).</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_help_names_every_endpoint_group_the_roles_and_the_urls_option()
    {
        var help = await new CliRun().RunAsync("serve", "--help");
        help.ExitCode.ShouldBe(0, help.Error);
        foreach (var part in new[] { "determinations", "screenings", "lists", "licenses", "orders", "holds", "impact", "audit", "rules", "web console (/)", "/openapi/v1.json", "viewer < analyst < reviewer < admin", "--urls" })
        {
            help.Out.ShouldContain(part);
        }
    }
}
