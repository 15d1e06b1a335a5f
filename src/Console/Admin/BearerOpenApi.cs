using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mapper.Console.Admin;

/// <summary>Tells the OpenAPI document that <c>/api/v1</c> takes a bearer token (except creating one from credentials).</summary>
public sealed class BearerOpenApi : IOpenApiDocumentTransformer
{
    public const string SchemeId = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A Mapper token (mpr_...): POST /api/v1/tokens with your user name and password, or `mapper login`.",
        };

        foreach (var (path, item) in document.Paths.Where(p => p.Key.StartsWith(AdminEndpoints.Prefix, StringComparison.Ordinal)))
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                if (path == AdminEndpoints.Prefix + "/tokens" && method == HttpMethod.Post)
                {
                    continue;
                }

                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, document)] = [] }];
            }
        }

        return Task.CompletedTask;
    }
}
