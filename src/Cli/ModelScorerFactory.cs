using Mapper.Engine;
using Mapper.Engine.Model;
using Microsoft.Extensions.Configuration;

namespace Mapper.Cli;

/// <summary>
/// The CLI's seam for hybrid mode. Returning null means no adapter is active: hybrid runs then answer
/// from the rules with fallback reason <c>no_model</c>. The model path replaces the body with the
/// ONNX-backed scorer built from the same options and configuration the service uses.
/// </summary>
public static class ModelScorerFactory
{
    public static IModelScorer? Create(EngineOptions options, IConfiguration configuration)
    {
        _ = options;
        _ = configuration;
        return null;
    }
}
