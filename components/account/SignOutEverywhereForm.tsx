import { signOutEverywhereAction } from '@/lib/actions/own-account-actions';
import { SubmitButton } from '@/components/ui/SubmitButton';

export function SignOutEverywhereForm() {
  return (
    <form action={signOutEverywhereAction} className="space-y-4">
      <p className="max-w-prose text-sm">
        Signs this account out in every browser and device, this one included. Use it after signing in on a shared
        computer or losing a device.
      </p>
      <SubmitButton pendingText="Signing out…">Sign out everywhere</SubmitButton>
    </form>
  );
}
