using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mapper.Console.Store.Configurations;

public sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> builder)
    {
        builder.ToTable("escalations");

        // Numbered by the executor, like incidents: the audit row of the page names it.
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Alert).HasMaxLength(64);
        builder.Property(e => e.RequestedBy).HasMaxLength(128);
        builder.Property(e => e.Reason).HasMaxLength(1000);
        builder.Property(e => e.Outcome).HasMaxLength(16);
        builder.Property(e => e.LastError).HasMaxLength(300);
        builder.HasOne<Incident>().WithMany().HasForeignKey(e => e.IncidentId).IsRequired(false);

        // One escalation per firing of an alert; pages by hand (no alert) are not constrained (NULLs are distinct).
        builder.HasIndex(e => new { e.Alert, e.FiringSince }).IsUnique();
    }
}
