/** The magic wand: reverse provisioning is available here. An image with the accessible name "Reverse provisioning available". */
export function WandMarker() {
  return (
    <svg className="wand" role="img" aria-label="Reverse provisioning available" viewBox="0 0 24 24" width="20" height="20" focusable="false">
      <title>Reverse provisioning available</title>
      <path d="M4 20 15 9" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" fill="none" />
      <path d="m17 2 .9 2.6L20.5 5.5l-2.6.9L17 9l-.9-2.6L13.5 5.5l2.6-.9z" fill="#b7791f" />
      <path d="m20.5 10 .5 1.4 1.5.6-1.5.5-.5 1.5-.5-1.5-1.5-.5 1.5-.6z" fill="#b7791f" />
    </svg>
  );
}
