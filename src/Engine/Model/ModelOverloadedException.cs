namespace Mapper.Engine.Model;

/// <summary>
/// The model path is saturated (e.g. its queue is full). Unlike a model error this is not answered
/// from the rules: the request is shed with a retryable status so the queue cannot grow without bound.
/// </summary>
public class ModelOverloadedException(string message) : Exception(message);
