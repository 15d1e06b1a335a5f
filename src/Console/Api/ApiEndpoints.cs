using System.Text.Json;
using Mapper.Console.Monitoring;
using Mapper.Engine;
using Mapper.Engine.Pipeline;
using Mapper.Engine.Telemetry;
using Prometheus;

namespace Mapper.Console.Api;

/// <summary>The HTTP API of contract §1, and its OpenAPI description.</summary>
public static class ApiEndpoints
{
    /// <summary>Summary and health JSON: snake_case, and nulls kept (a null SLI means "no data", not "missing").</summary>
    public static readonly JsonSerializerOptions ReportJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IEndpointRouteBuilder MapMapperApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/map", (HttpContext context, MapHandler handler) => handler.MapAsync(context))
            .WithName("Map").WithSummary("Map one detector output to the canonical taxonomy")
            .DescribeJsonBody<MapperPayloadDocument>()
            .Produces<CanonicalEvent>()
            .Produces<ErrorBody>(StatusCodes.Status400BadRequest).Produces<ErrorBody>(StatusCodes.Status401Unauthorized)
            .Produces<ErrorBody>(StatusCodes.Status403Forbidden).Produces<ErrorBody>(StatusCodes.Status415UnsupportedMediaType)
            .Produces<ErrorBody>(StatusCodes.Status422UnprocessableEntity)
            .Produces<ErrorBody>(StatusCodes.Status429TooManyRequests).Produces<ErrorBody>(StatusCodes.Status500InternalServerError);

        app.MapPost("/map/batch", (HttpContext context, MapHandler handler) => handler.MapBatchAsync(context))
            .WithName("MapBatch").WithSummary("Map 1 to 100 detector outputs; results keep their places")
            .DescribeJsonBody<BatchRequestDocument>()
            .Produces<BatchResponse>()
            .Produces<ErrorBody>(StatusCodes.Status400BadRequest).Produces<ErrorBody>(StatusCodes.Status415UnsupportedMediaType)
            .Produces<ErrorBody>(StatusCodes.Status422UnprocessableEntity).Produces<ErrorBody>(StatusCodes.Status429TooManyRequests);

        app.MapGet("/health", (HealthProbe probe) =>
        {
            var report = probe.Check();
            return Results.Json(report, ReportJson, statusCode: report.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).WithName("Health").WithSummary("Readiness: rules, model adapter, store").Produces<HealthReport>().Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);

        app.MapGet("/metrics/summary", (MapperTelemetry telemetry, EngineOptions engine, SloOptions slo) =>
        {
            var summary = telemetry.Summary();
            var body = new MetricsSummary(summary.Service, summary.Slis.Window.TotalSeconds, summary.Slis, summary.Counters, SloTargets.From(slo, engine.Profile));
            return Results.Json(body, ReportJson);
        }).WithName("MetricsSummary").WithSummary("Counters and current SLIs as JSON").Produces<MetricsSummary>();

        var registry = app.ServiceProvider.GetRequiredService<CollectorRegistry>();
        app.MapMetrics("/metrics", registry).WithName("Metrics").ExcludeFromDescription();
        app.MapOpenApi();
        return app;
    }
}

public sealed record MetricsSummary(ServiceInfo Service, double WindowSeconds, SliSnapshot Slis, CounterTotals Counters, SloTargets Slo);
