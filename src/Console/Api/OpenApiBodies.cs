using Microsoft.OpenApi;

namespace Mapper.Console.Api;

public static class OpenApiBodies
{
    /// <summary>
    /// Describes a JSON request body in the OpenAPI document only. (<c>Accepts&lt;T&gt;</c> would also make
    /// routing answer 415 itself, with an empty body; <see cref="JsonContentType"/> answers it with the contract's error body.)
    /// </summary>
    public static RouteHandlerBuilder DescribeJsonBody<T>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });
}
