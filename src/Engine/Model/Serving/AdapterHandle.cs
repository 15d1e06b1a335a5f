using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Model.Network;

namespace Mapper.Engine.Model.Serving;

/// <summary>
/// A served adapter with a reference count. The registry holds one reference while the adapter is
/// active; every call holds one while it runs. The session is disposed when the count reaches zero,
/// i.e. after the last in-flight call, never under one (ONNX Runtime would crash the process).
/// </summary>
public sealed class AdapterHandle
{
    private int _references = 1;

    internal AdapterHandle(AdapterManifest manifest, OnnxClassifier classifier, int cacheCapacity)
    {
        Manifest = manifest;
        Classifier = classifier;
        Predictions = new PredictionCache(cacheCapacity);
    }

    public AdapterManifest Manifest { get; }

    public OnnxClassifier Classifier { get; }

    /// <summary>What this adapter has answered before; it goes with the handle, so a swap never serves another's answers.</summary>
    public PredictionCache Predictions { get; }

    public string Name => Manifest.Name;

    /// <summary>True once the last reference is gone and the session disposed.</summary>
    public bool IsRetired => Volatile.Read(ref _references) == 0;

    /// <summary>Takes a reference unless the handle is already retired (a count of zero never goes back up).</summary>
    internal bool TryAcquire()
    {
        while (true)
        {
            var current = Volatile.Read(ref _references);
            if (current == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _references, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    internal void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            Classifier.Dispose();
        }
    }
}

/// <summary>One call's reference to the active adapter; dispose it when the call is done.</summary>
public readonly struct AdapterLease : IDisposable
{
    internal AdapterLease(AdapterHandle handle) => Handle = handle;

    public AdapterHandle Handle { get; }

    public void Dispose() => Handle?.Release();
}
