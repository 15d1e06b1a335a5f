using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mapper.Console.Store.Configurations;

public sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("incidents");

        // The executor numbers incidents itself, so the audit row of the opening can name the id it creates.
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Title).HasMaxLength(200);
        builder.Property(i => i.Severity).HasMaxLength(16);
        builder.Property(i => i.Status).HasMaxLength(16);
        builder.Property(i => i.Summary).HasMaxLength(2000);
        builder.Property(i => i.Commander).HasMaxLength(128);
        builder.Property(i => i.OpenedBy).HasMaxLength(128);
        builder.HasIndex(i => i.Status);
        builder.HasIndex(i => i.StartedAt);
    }
}
