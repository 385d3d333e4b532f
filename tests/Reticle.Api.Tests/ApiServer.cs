using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using NodaTime;
using Reticle.Cli.Hosting;
using Reticle.Service;

namespace Reticle.Api.Tests;

/// <summary>How a test reaches the host: in-process (a test server) or over real HTTP (Kestrel on a free loopback port).</summary>
public enum Transport
{
    InProcess,
    Http,
}

/// <summary>
/// A running <c>reticle serve</c> host, built by the same <c>ApiHost.BuildAsync</c> the command uses, on a fresh
/// data folder (or a PostgreSQL database), with one key per role created by <c>reticle keys create</c>.
/// </summary>
public abstract class ApiServer : IAsyncLifetime
{
    private readonly Transport _transport;
    private WebApplication? _app;
    private Dictionary<string, string?> _variables = [];

    /// <param name="keys">Keys already created in the same store (a second node on one database); null: create one per role.</param>
    protected ApiServer(Transport transport, IReadOnlyDictionary<string, string>? keys = null)
    {
        _transport = transport;
        foreach (var (role, key) in keys ?? new Dictionary<string, string>())
        {
            Keys[role] = key;
        }
    }

    public Dictionary<string, string> Keys { get; } = [];

    public HttpClient Client { get; private set; } = null!;

    public Uri? Address { get; private set; }

    protected virtual string? Postgres => null;

    /// <summary>The store the host writes to, for checking what it recorded.</summary>
    public Store.IReticleStore Store => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
        .GetRequiredService<Cli.Api.ApiState>(_app!.Services).Workspace.Store;

    public virtual async Task InitializeAsync()
    {
        var data = Directory.CreateTempSubdirectory("reticle-api-").FullName;
        _variables = new Dictionary<string, string?>
        {
            ["RETICLE_DATA"] = Postgres is null ? data : null,
            ["RETICLE_POSTGRES"] = Postgres,
            ["RETICLE_CONTENT"] = Path.Combine(Repository.Root, "content"),
            ["RETICLE_ACTOR"] = "test:setup",
        };
        foreach (var role in new[] { "viewer", "analyst", "reviewer", "admin" }.Where(r => !Keys.ContainsKey(r)))
        {
            var output = new StringWriter();
            var code = await Cli.ReticleCli.RunAsync(["keys", "create", "--name", role, "--role", role], Environment(output));
            code.ShouldBe(0);
            Keys[role] = output.ToString().TrimEnd().Split('\n')[^1];
        }
        var options = Environment(new StringWriter()).Workspace(null, null);
        if (_transport == Transport.InProcess)
        {
            _app = await Cli.Api.ApiHost.BuildAsync(options, null, b => b.WebHost.UseTestServer(), default);
            await _app.StartAsync();
            Client = _app.GetTestClient();
        }
        else
        {
            _app = await Cli.Api.ApiHost.BuildAsync(options, "http://127.0.0.1:0", null, default);
            await _app.StartAsync();
            Address = new Uri(_app.Urls.Single());
            Client = new HttpClient { BaseAddress = Address };
        }
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>Today on the hosts' clock.</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 25, 12, 0);

    private CliEnvironment Environment(StringWriter output, StringWriter? error = null) =>
        new(output, error ?? new StringWriter(), () => new StringReader(""), new FixedClock(Now), name => _variables.GetValueOrDefault(name));

    /// <summary>Runs <c>reticle ARGS</c> on the store the host uses, with the host's clock (to compare the API's answers with the command line's).</summary>
    public async Task<(int ExitCode, string Out, string Error)> RunCliAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await Cli.ReticleCli.RunAsync(args, Environment(output, error));
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The JSON the command line prints for <c>reticle ARGS --json</c>.</summary>
    public async Task<JsonNode> CliJsonAsync(params string[] args)
    {
        var (code, output, error) = await RunCliAsync([.. args, "--json"]);
        code.ShouldBe(0, error);
        return JsonNode.Parse(output)!;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? role, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (role is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Keys.TryGetValue(role, out var key) ? key : role);
        }
        return await Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, string role, string json) =>
        SendAsync(HttpMethod.Post, path, role, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public async Task<JsonNode> GetJsonAsync(string path, string role = "viewer")
    {
        var response = await SendAsync(HttpMethod.Get, path, role);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }

    public async Task<long> AuditRecordsAsync()
    {
        var response = await SendAsync(HttpMethod.Get, "/api/v1/audit/verify", "viewer");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        json["intact"]!.GetValue<bool>().ShouldBeTrue();
        return json["recordsVerified"]!.GetValue<long>();
    }
}

public sealed class InProcessServer() : ApiServer(Transport.InProcess);

public sealed class HttpServer() : ApiServer(Transport.Http);

internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}

internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Sample(string name) => Path.Combine(Root, "content", "samples", name);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Reticle.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("cannot find the repository root");
    }
}
