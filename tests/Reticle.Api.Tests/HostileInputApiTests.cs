using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Reticle.Tests.Input;

namespace Reticle.Api.Tests;

/// <summary>
/// The API fed random and hostile JSON (mutated transactions, random values, deep nesting, long text, duplicate keys,
/// lone surrogates, extreme numbers and dates) and bytes that are not UTF-8, on every endpoint that reads a body: it never
/// answers 500, and every 400 names the place of each problem.
/// </summary>
public sealed class HostileInputApiTests(InProcessServer server) : IClassFixture<InProcessServer>
{
    private static readonly (string Path, string Role)[] Endpoints =
    [
        ("/api/v1/determinations", "analyst"), ("/api/v1/orders", "analyst"), ("/api/v1/screenings", "analyst"),
        ("/api/v1/impact", "analyst"), ("/api/v1/licenses", "reviewer"),
    ];

    [Fact]
    public async Task Mutated_transactions_are_answered_or_refused_naming_a_place_never_with_a_500()
    {
        for (var seed = 1; seed <= 150; seed++)
        {
            var random = new Random(seed);
            var text = HostileJson.Valid;
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                text = HostileJson.Mutate(random, text);
            }
            // Each seed its own id, so a body that is still valid is not refused as a duplicate order.
            text = text.Replace("\"SO-1\"", $"\"FUZZ-{seed}\"", StringComparison.Ordinal);
            var (path, role) = Endpoints[seed % 2];
            await AnsweredOrRefusedWithPlacesAsync(path, role, Encoding.UTF8.GetBytes(text), text);
        }
    }

    [Fact]
    public async Task Random_JSON_on_every_endpoint_is_refused_naming_a_place_never_with_a_500()
    {
        for (var seed = 1; seed <= 200; seed++)
        {
            var text = HostileJson.RandomValue(new Random(seed), 0);
            var (path, role) = Endpoints[seed % Endpoints.Length];
            await AnsweredOrRefusedWithPlacesAsync(path, role, Encoding.UTF8.GetBytes(text), text);
        }
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF_8_are_refused_naming_the_byte_offset()
    {
        for (var seed = 1; seed <= 40; seed++)
        {
            var random = new Random(seed);
            var bytes = Encoding.UTF8.GetBytes(HostileJson.Valid).ToList();
            bytes.Insert(random.Next(1, bytes.Count - 1), (byte)random.Next(0x80, 0x100));
            var (path, role) = Endpoints[seed % Endpoints.Length];
            var problem = await AnsweredOrRefusedWithPlacesAsync(path, role, [.. bytes], $"seed {seed}");
            problem.ShouldNotBeNull($"seed {seed}: a body with a stray byte was accepted");
        }
    }

    /// <returns>The problem details of a 400, or null when the body was taken.</returns>
    private async Task<JsonNode?> AnsweredOrRefusedWithPlacesAsync(string path, string role, byte[] body, string what)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var response = await server.SendAsync(HttpMethod.Post, path, role, content);
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBeLessThan(500, $"{path}: {what}\n{text}");
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            response.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.RequestEntityTooLarge], $"{path}: {what}\n{text}");
            return null;
        }
        var problem = JsonNode.Parse(text)!;
        var errors = problem["errors"]!.AsArray();
        errors.ShouldNotBeEmpty($"{path}: {what}\n{text}");
        foreach (var error in errors)
        {
            error!["where"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace($"{path}: {what}\n{text}");
            error["message"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace($"{path}: {what}\n{text}");
        }
        return problem;
    }
}
