using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Reticle.Cli.Api.Access;
using Reticle.Service.Access;
using Reticle.Cli.Api.Endpoints;
using Scalar.AspNetCore;
using Reticle.Service;
using Reticle.Service.Wire;

namespace Reticle.Cli.Api;

/// <summary>
/// The HTTP host of <c>reticle serve</c> (CONTRACT §7), built the same way for the command, the in-process
/// tests (<paramref name="configure"/> swaps in a test server) and real-HTTP tests: the store opened and
/// seeded, rules, catalogue and screening index loaded once, endpoint groups mapped under <c>/api/v1</c>.
/// </summary>
internal static class ApiHost
{
    public static Task<WebApplication> BuildAsync(WorkspaceOptions options, string? urls,
        Action<WebApplicationBuilder>? configure, CancellationToken cancellationToken) =>
        BuildAsync(options, urls, configure, worker: false, cancellationToken);

    /// <param name="worker">
    /// With PostgreSQL: this node also works on jobs (<c>reticle serve</c> unless <c>--no-worker</c>); otherwise it only
    /// submits them. With SQLite a job runs in this process either way.
    /// </param>
    public static async Task<WebApplication> BuildAsync(WorkspaceOptions options, string? urls,
        Action<WebApplicationBuilder>? configure, bool worker, CancellationToken cancellationToken)
    {
        var workspace = await Workspace.OpenAsync(options, cancellationToken);
        ApiState state;
        try
        {
            state = await ApiState.LoadAsync(workspace, cancellationToken);
        }
        catch
        {
            await workspace.DisposeAsync();
            throw;
        }

        var webRoot = Path.Combine(AppContext.BaseDirectory, "Api", "wwwroot");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = RequestBody.Lists;
        });
        if (urls is not null)
        {
            builder.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form => form.MultipartBodyLengthLimit = RequestBody.Lists);
        builder.Services.AddSingleton(state);
        var jobs = new ApiJobs(workspace);
        builder.Services.AddSingleton(jobs);
        worker &= options.Store.Postgres is { Length: > 0 };
        if (worker)
        {
            Reticle.Service.Jobs.JobEngine.AddTo(builder.Host, workspace, work: true);
        }
        builder.Services.AddSingleton(new ApiKeyDirectory(workspace.Store, state.Clock));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<InputRejectionHandler>();
        builder.Services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddOpenApi(openApi =>
        {
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Reticle API";
                document.Info.Description = "Export-control determinations and restricted-party screening. Every call under /api/ needs 'Authorization: Bearer KEY' (reticle keys create). Sample content, not legal advice.";
                return Task.CompletedTask;
            });
            // Request and response bodies are described by the types in Api/Schemas (the API writes them as text).
            openApi.AddSchemaTransformer<Schemas.ApiSchemaTransformer>();
            openApi.AddDocumentTransformer<Schemas.AnyOfShapeReferences>();
        });
        // The document's number schemas follow these options: numbers are numbers, never strings (the default reads
        // both, and the document would then allow a quoted number everywhere). The API binds no typed JSON body.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict);
        configure?.Invoke(builder);

        var app = builder.Build();
        if (worker)
        {
            jobs.WorkerQueue = new Reticle.Service.Jobs.EngineJobQueue(app.Services.GetRequiredService<Wolverine.IMessageBus>());
        }
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        if (Directory.Exists(webRoot))
        {
            var files = new PhysicalFileProvider(webRoot);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/docs", scalar => scalar.WithTitle("Reticle API").DisableDefaultFonts().WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        app.MapHealth("/health");
        var api = app.MapGroup("/api/v1");
        api.MapHealth("/health");
        api.MapDeterminations();
        api.MapScreenings();
        api.MapLists();
        api.MapOwners();
        api.MapLicenses();
        api.MapOrders();
        api.MapHolds();
        api.MapImpact();
        api.MapWhatIf();
        api.MapAudit();
        api.MapMe();
        api.MapRules();
        api.MapJobs();
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            jobs.DisposeAsync().AsTask().GetAwaiter().GetResult();
            state.DisposeAsync().AsTask().GetAwaiter().GetResult();
        });
        return app;
    }
}
